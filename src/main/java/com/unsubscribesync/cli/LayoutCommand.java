package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.FieldVisibility;
import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.InstallReport;
import com.unsubscribesync.layout.LayoutChange;
import com.unsubscribesync.layout.LayoutException;
import com.unsubscribesync.layout.LayoutState;
import com.unsubscribesync.layout.ObjectLayouts;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.layout.SectionPreview;
import com.unsubscribesync.layout.UndoReport;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "layout",
        description = "Check, install or undo the opt-out field on the Contact and Lead page layouts.",
        subcommands = {LayoutCommand.Check.class, LayoutCommand.Install.class, LayoutCommand.Undo.class})
public class LayoutCommand {
    @ParentCommand
    RootCommand root;

    @Command(
            name = "check",
            description = "Per object and layout: is the field there, can the user edit it, "
                    + "and may the user change layouts.")
    public static class Check implements Callable<Integer> {
        private final Supplier<PageLayouts> layouts;

        public Check(Supplier<PageLayouts> layouts) {
            this.layouts = layouts;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            PageLayouts layouts = this.layouts.get();
            Inspection inspection;
            try {
                inspection = layouts.inspectNow();
            } catch (LayoutException e) {
                return refused(e, spec, json);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(view(inspection, layouts)));
                return ExitCode.DONE;
            }
            out.println("Org " + inspection.organizationName() + ", user "
                    + inspection.rights().userName() + ": "
                    + (inspection.rights().canModifyLayouts()
                            ? "may change page layouts"
                            : "may not change page layouts (needs "
                                    + inspection.rights().missingPermissions() + ")"));
            for (ObjectLayouts object : inspection.objects()) {
                out.println();
                out.println(object.object().apiName() + ": " + object.fieldLabel()
                        + object.fieldApiName().map(name -> " (" + name + ")").orElse("") + ", "
                        + object.visibility().key().replace('-', ' '));
                for (LayoutState layout : object.layouts()) {
                    out.println("  " + (!layout.readable() ? "[?] " : layout.present() ? "[x] " : "[ ] ")
                            + layout.label()
                            + layout.behavior().map(b -> " (" + b + ")").orElse("")
                            + (layout.readable() ? "" : " (Salesforce would not return it)"));
                }
                object.problem().ifPresent(problem -> out.println("  " + problem));
                out.println("  Setup: " + object.setupUrl());
            }
            return ExitCode.DONE;
        }

        private static Map<String, Object> view(Inspection inspection, PageLayouts layouts) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("inspectedAt", inspection.inspectedAt().toString());
            view.put("organization", inspection.organizationName());
            view.put("userName", inspection.rights().userName());
            view.put("canModifyLayouts", inspection.rights().canModifyLayouts());
            Map<String, Object> permissions = new LinkedHashMap<>();
            permissions.put("modifyAllData", inspection.rights().modifyAllData());
            permissions.put("modifyMetadata", inspection.rights().modifyMetadata());
            permissions.put("customizeApplication", inspection.rights().customizeApplication());
            view.put("permissions", permissions);
            List<Map<String, Object>> objects = new ArrayList<>();
            for (ObjectLayouts object : inspection.objects()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("object", object.object().apiName());
                item.put("field", object.fieldApiName().orElse(null));
                item.put("fieldLabel", object.fieldLabel());
                item.put("fieldAccess", object.visibility().key());
                item.put("layoutsReadable", object.layoutsReadable());
                item.put("onEveryLayout", object.onEveryLayout().orElse(null));
                List<Map<String, Object>> states = new ArrayList<>();
                for (LayoutState layout : object.layouts()) {
                    Map<String, Object> state = new LinkedHashMap<>();
                    state.put("fullName", layout.fullName());
                    state.put("label", layout.label());
                    state.put("present", layout.present());
                    state.put("readable", layout.readable());
                    state.put("behavior", layout.behavior().orElse(null));
                    state.put("setupUrl", layout.setupUrl());
                    states.add(state);
                }
                item.put("layouts", states);
                item.put("problem", object.problem().orElse(null));
                item.put("setupUrl", object.setupUrl());
                boolean needsAdmin = object.problem().isPresent()
                        && (!inspection.rights().canModifyLayouts() || object.visibility() != FieldVisibility.EDITABLE);
                item.put("askYourAdmin", needsAdmin ? layouts.askYourAdmin(object.object()) : null);
                objects.add(item);
            }
            view.put("objects", objects);
            return view;
        }
    }

    @Command(
            name = "install",
            description = "Add the opt-out field to the object's layouts that lack it (or to one), "
                    + "keeping each original for undo.")
    public static class Install implements Callable<Integer> {
        private final Supplier<PageLayouts> layouts;

        public Install(Supplier<PageLayouts> layouts) {
            this.layouts = layouts;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--object", required = true, paramLabel = "Contact|Lead")
        String object;

        @Option(names = "--layout", paramLabel = "NAME", description = "One layout, by full name or as Setup names it.")
        String layout;

        @Option(names = "--dry-run", description = "Show where the field would go; write nothing.")
        boolean dryRun;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            SObjectType type = objectType(object);
            InstallReport report;
            try {
                report = layouts.get().install(type, Optional.ofNullable(layout), dryRun);
            } catch (LayoutException e) {
                return refused(e, spec, json);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(view(report)));
            } else {
                for (LayoutChange change : report.layouts()) {
                    out.println(sentence(report, change));
                    change.preview().ifPresent(preview -> printSection(out, preview));
                }
                report.fieldNote().ifPresent(note -> out.println("Note: " + note));
                report.stoppedBecause().ifPresent(why -> out.println(stopped(report, why)));
                if (report.dryRun()) {
                    out.println("Dry run: nothing was written.");
                }
            }
            return report.anyFailed() ? ExitCode.FAILED : ExitCode.DONE;
        }

        private static String sentence(InstallReport report, LayoutChange change) {
            String field = report.fieldApiName();
            return switch (change.outcome()) {
                case ADDED ->
                    "Added " + field + " to " + change.label() + where(change)
                            + "; the original is kept: undo with 'layout undo --object "
                            + report.object().apiName()
                            + " --layout \"" + change.label() + "\"'.";
                case WOULD_ADD -> "Would add " + field + " to " + change.label() + where(change) + ".";
                case ALREADY_THERE -> change.label() + " already has " + field + ".";
                case FAILED -> "Not changed: " + change.problem().orElse(change.label() + " could not be saved.");
                case NOT_TRIED -> "Not tried: " + change.label() + " (the run stopped before it).";
            };
        }

        /** What a run that stopped part-way did, and what to do next. */
        private static String stopped(InstallReport report, String why) {
            List<String> changed = report.labels(LayoutChange.Outcome.ADDED);
            return why + " Changed: " + list(changed) + "; failed: "
                    + list(report.labels(LayoutChange.Outcome.FAILED)) + "; not tried: "
                    + list(report.labels(LayoutChange.Outcome.NOT_TRIED)) + ". "
                    + (changed.isEmpty()
                            ? "Install again once the problem is fixed."
                            : "Install again once the problem is fixed, or undo each changed layout with 'layout "
                                    + "undo --object " + report.object().apiName() + " --layout NAME'.");
        }

        private static String list(List<String> labels) {
            return labels.isEmpty() ? "none" : String.join(", ", labels);
        }

        private static String where(LayoutChange change) {
            return change.preview()
                    .map(p -> ", section '" + p.sectionLabel() + "', column " + p.column()
                            + p.afterField().map(f -> ", below " + f).orElse(", at the top"))
                    .orElse("");
        }

        private static void printSection(PrintWriter out, SectionPreview preview) {
            for (int c = 0; c < preview.columns().size(); c++) {
                List<String> names = preview.columns().get(c).stream()
                        .map(name -> name.equals(preview.fieldApiName())
                                ? name + " (new)"
                                : name.isEmpty() ? "(blank)" : name)
                        .toList();
                out.println("    column " + (c + 1) + ": " + String.join(", ", names));
            }
        }

        private static Map<String, Object> view(InstallReport report) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("object", report.object().apiName());
            view.put("field", report.fieldApiName());
            view.put("dryRun", report.dryRun());
            List<Map<String, Object>> layouts = new ArrayList<>();
            for (LayoutChange change : report.layouts()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("fullName", change.fullName());
                item.put("label", change.label());
                item.put(
                        "outcome",
                        change.outcome().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                item.put(
                        "section",
                        change.preview().map(SectionPreview::sectionLabel).orElse(null));
                item.put("column", change.preview().map(SectionPreview::column).orElse(null));
                item.put(
                        "afterField",
                        change.preview().flatMap(SectionPreview::afterField).orElse(null));
                item.put(
                        "sectionAfter",
                        change.preview().map(SectionPreview::columns).orElse(null));
                item.put("problem", change.problem().orElse(null));
                layouts.add(item);
            }
            view.put("layouts", layouts);
            view.put("fieldNote", report.fieldNote().orElse(null));
            view.put("stopped", report.stoppedBecause().orElse(null));
            return view;
        }
    }

    @Command(name = "undo", description = "Restore a layout as it was before the app added the field.")
    public static class Undo implements Callable<Integer> {
        private final Supplier<PageLayouts> layouts;

        public Undo(Supplier<PageLayouts> layouts) {
            this.layouts = layouts;
        }

        @ParentCommand
        LayoutCommand group;

        @Spec
        CommandSpec spec;

        @Option(names = "--object", required = true, paramLabel = "Contact|Lead")
        String object;

        @Option(names = "--layout", required = true, paramLabel = "NAME")
        String layout;

        @Option(names = "--force", description = "Restore even if the layout changed in Salesforce since.")
        boolean force;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            SObjectType type = objectType(object);
            UndoReport report;
            try {
                report = layouts.get().undo(type, layout, force);
            } catch (LayoutException e) {
                return refused(e, spec, json);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("fullName", report.fullName());
                view.put("label", report.label());
                view.put("restoredFrom", report.backupTakenAt().toString());
                view.put("identical", report.identical());
                out.println(Json.write(view));
            } else {
                out.println("Restored " + report.label() + " as it was on "
                        + Wording.time(report.backupTakenAt(), group.root.zone())
                        + (report.identical()
                                ? "."
                                : "; Salesforce reads it back slightly differently: check it in " + "Setup."));
            }
            return ExitCode.DONE;
        }
    }

    static SObjectType objectType(String name) {
        return SObjectType.ofApiName(name.strip())
                .orElseThrow(() -> new InvalidInputException("--object '" + name + "' is not Contact or Lead"));
    }

    /**
     * One line on stderr, and the exit code of ADR 0007. A refused permission also prints, on stdout, the request
     * to send to a Salesforce admin.
     */
    static int refused(LayoutException e, CommandSpec spec, boolean json) {
        spec.commandLine().getErr().println("error: " + e.getMessage());
        PrintWriter out = spec.commandLine().getOut();
        e.adminRequest().ifPresent(request -> {
            if (json) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("error", e.getMessage());
                view.put("askYourAdmin", request);
                out.println(Json.write(view));
            } else {
                out.println("Send this to your Salesforce admin:");
                out.println();
                out.println(request);
            }
        });
        return switch (e.reason()) {
            case NOT_CONNECTED, NO_PERMISSION -> ExitCode.NOT_CONNECTED;
            case UNKNOWN_LAYOUT, NO_BACKUP, CHANGED_SINCE_INSTALL -> ExitCode.BAD_INPUT;
            case FIELD_UNAVAILABLE, ORG_REFUSED, UNREACHABLE, BACKUP_FAILED -> ExitCode.FAILED;
        };
    }
}
