package com.unsubscribesync.cli;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.PrintableText;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.usecase.ResolveConflict;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "conflicts",
        description = "Pending conflicts: list them and resolve them.",
        subcommands = {ConflictsCommand.ListCommand.class, ConflictsCommand.Resolve.class})
public class ConflictsCommand {
    @Command(name = "list", description = "Open conflicts, oldest first.")
    public static class ListCommand implements Callable<Integer> {
        private final Supplier<ResolveConflict> conflicts;

        public ListCommand(Supplier<ResolveConflict> conflicts) {
            this.conflicts = conflicts;
        }

        @Spec
        CommandSpec spec;

        @Option(
                names = "--kind",
                description = "resubscribed-in-salesforce, not-in-salesforce, write-rejected, "
                        + "record-deleted or field-unavailable")
        String kind;

        @Option(names = "--limit", defaultValue = "500")
        int limit;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            Optional<ConflictKind> only = Optional.ofNullable(kind).map(ConflictKind::parse);
            List<Conflict> open = conflicts.get().open(only, limit);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> views = new ArrayList<>();
                for (Conflict conflict : open) {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("id", conflict.id());
                    view.put("kind", conflict.kind().key());
                    view.put("email", conflict.email().map(Object::toString).orElse(null));
                    view.put(
                            "recordId",
                            conflict.recordId().map(Object::toString).orElse(null));
                    view.put(
                            "object",
                            conflict.objectType().map(t -> t.apiName()).orElse(null));
                    view.put("statusCode", conflict.statusCode().orElse(null));
                    view.put("explanation", conflict.explanation());
                    view.put("createdAt", conflict.createdAt().toString());
                    view.put("actions", ResolveConflict.actions(conflict.kind()));
                    views.add(view);
                }
                out.println(Json.write(views));
                return ExitCode.DONE;
            }
            if (open.isEmpty()) {
                out.println("No open conflicts.");
            }
            for (Conflict conflict : open) {
                out.printf(
                        "#%d  %-26s %s%n     %s%n     actions: %s%n",
                        conflict.id(),
                        conflict.kind().title(),
                        conflict.email()
                                .map(Object::toString)
                                .orElse(conflict.objectType()
                                        .map(t -> t.apiName())
                                        .orElse("")),
                        PrintableText.of(conflict.explanation()),
                        String.join(", ", ResolveConflict.actions(conflict.kind())));
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "resolve", description = "Resolve one conflict with one of its actions.")
    public static class Resolve implements Callable<Integer> {
        private final Supplier<ResolveConflict> conflicts;

        public Resolve(Supplier<ResolveConflict> conflicts) {
            this.conflicts = conflicts;
        }

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID")
        long id;

        @Option(names = "--action", required = true)
        String action;

        @Option(names = "--reason")
        String reason;

        @Option(names = "--record", description = "Lead or Contact id, for link and relink.")
        String record;

        @Override
        public Integer call() {
            conflicts.get().resolve(id, action, Optional.ofNullable(record), Optional.ofNullable(reason));
            spec.commandLine().getOut().println("Conflict " + id + " resolved: " + action + ".");
            return ExitCode.DONE;
        }
    }
}
