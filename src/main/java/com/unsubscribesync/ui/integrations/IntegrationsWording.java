package com.unsubscribesync.ui.integrations;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncPlan;
import com.unsubscribesync.store.SyncRun;
import com.unsubscribesync.sync.RunReport;
import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.usecase.FieldState;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Every sentence of the Integrations tab, in the product's words; the rules are {@link Checklist}'s. */
public final class IntegrationsWording {
    static final String NO_RUN = "No run yet.";
    static final String NIGHTLY_OFF = "None — the nightly sync is off.";
    static final String SYNC_ENABLED = "Unsubscribe sync is enabled";
    static final String FIELD_INSTALLED = "The opt-out field is installed in Salesforce";
    static final String PEOPLE_LINKED = "People have a Salesforce ID";
    static final String INSTALL_PACKAGE_TITLE = "Install Marketo Sales Insight";
    static final String INSTALL_PACKAGE = "A Salesforce admin installs the Marketo Sales Insight package from the "
            + "AppExchange, for the profile of the user connected here. It adds the \""
            + OptOutField.MARKETO_SALES_OPT_OUT_LABEL + "\" checkbox to Leads and Contacts, which this checklist then "
            + "finds by its label. Until then, the standard Email Opt Out field works without any package.";
    static final String PEOPLE_WITHOUT_ID_TITLE = "People without a Salesforce ID";
    static final String PEOPLE_WITHOUT_ID = "Their unsubscribes cannot reach Salesforce until they carry a Lead or "
            + "Contact ID. Import a CSV file of people with their Lead or Contact IDs to give them one.";

    private IntegrationsWording() {}

    /** Help text of the two field options. */
    public static String help(OptOutField option) {
        return switch (option) {
            case EMAIL_OPT_OUT ->
                "Selected by default. Updates only the standard Email Opt Out field of Leads and " + "Contacts.";
            case MARKETO_SALES_OPT_OUT ->
                "Keeps sales unsubscribes apart from marketing ones: updates the custom "
                        + "\"Marketo Sales Opt Out\" field instead (needs the Marketo Sales Insight package).";
        };
    }

    static String syncEnabled(boolean on) {
        return on
                ? "The nightly sync runs daily at 8:00 PM Pacific."
                : "The nightly sync is off; real-time pushes " + "still reach Email Opt Out.";
    }

    static String peopleLinked(long linked, long people) {
        return Formats.count(linked) + " of " + Formats.plural(people, "person has", "people have")
                + " a Lead (00Q…) or Contact (003…) ID.";
    }

    static String fieldUnknown(Optional<String> problem) {
        return "Unknown until an org is connected (see Connection)"
                + problem.map(p -> ": " + p).orElse(".");
    }

    /** Per object: whether the field exists, may be edited and is on every layout; empty when not checked. */
    static String fieldStates(Map<SObjectType, Optional<FieldState>> states) {
        return states.entrySet().stream()
                .map(entry -> entry.getKey().apiName() + ": "
                        + entry.getValue()
                                .map(state -> (state.exists() ? "exists" : "missing") + ", "
                                        + (state.updateable() ? "editable" : "not editable") + ", "
                                        + state.onLayouts()
                                                .map(on -> on ? "on every layout" : "not on every layout")
                                                .orElse("layouts not checked"))
                                .orElse("not checked"))
                .collect(Collectors.joining(" · "));
    }

    static String packageMissing(List<String> objects, Optional<String> fieldApiName) {
        String on = String.join(" and ", objects);
        String what = fieldApiName
                .map(name -> "Salesforce has no field " + name + " on " + on + " (the API name under More settings)")
                .orElse("Salesforce has no \"" + OptOutField.MARKETO_SALES_OPT_OUT_LABEL + "\" checkbox on " + on
                        + ": the Marketo Sales Insight package is not installed, or the field is hidden from the "
                        + "connected user");
        return what + ". Install the package in Salesforce, choose \"" + OptOutField.EMAIL_OPT_OUT.label()
                + "\" instead, or set the field's API name if it has another label.";
    }

    static String lastRun(SyncRun run, ZoneId zone) {
        String when = Formats.dateTime(run.startedAt(), zone);
        String what = switch (run.outcome()) {
            case RUNNING -> "running now";
            case SUCCEEDED -> "succeeded";
            case STOPPED -> "stopped early";
            case FAILED -> "failed";
        };
        SyncRun.Counts counts = run.counts();
        return when + " — " + what + ": " + Formats.count(counts.imported()) + " imported, "
                + Formats.count(counts.pushed()) + " pushed, "
                + Formats.plural(counts.conflicts(), "conflict", "conflicts") + ", "
                + Formats.plural(counts.apiCalls(), "API call", "API calls")
                + run.message().map(m -> ". " + m).orElse("");
    }

    static String peopleImported(com.unsubscribesync.collect.ImportReport report) {
        return Formats.plural(report.added(), "person was", "people were") + " saved with their IDs and names"
                + (report.problemCount() > 0
                        ? "; " + Formats.plural(report.problemCount(), "bad row was", "bad rows were") + " skipped."
                        : ".");
    }

    static String previewOutcome(RunReport report) {
        return "Preview: " + Formats.count(report.imported()) + " to import, " + Formats.count(report.pushed())
                + " to push, " + Formats.plural(report.conflicts(), "conflict", "conflicts") + ", "
                + Formats.plural(report.apiCalls(), "API call", "API calls") + ". Nothing was written.";
    }

    static String previewIntro(RunReport report) {
        return "Nothing was written. The run would use about "
                + Formats.plural(report.apiCalls(), "API call", "API calls") + ".";
    }

    static String runOutcome(RunReport report) {
        return "Run " + (report.outcome() == SyncRun.Outcome.SUCCEEDED ? "finished" : "stopped early") + " in "
                + Formats.duration(Duration.ofMillis(report.durationMs())) + ": " + report.imported() + " imported, "
                + report.pushed() + " pushed, " + Formats.plural(report.conflicts(), "new conflict", "new conflicts")
                + report.message().map(m -> ". " + m).orElse(".");
    }

    static List<String> previewLines(RunReport report) {
        SyncPlan plan = report.plan();
        List<String> lines = new ArrayList<>();
        lines.add("Opt-outs to set in Salesforce: " + Formats.count(report.pushed()));
        plan.pushes().stream()
                .limit(50)
                .forEach(id -> lines.add("   " + id.objectType().apiName() + " " + id));
        lines.add("Unsubscribes to import from Salesforce: " + Formats.count(report.imported()));
        plan.imports().stream().limit(50).forEach(email -> lines.add("   " + email));
        lines.add("Conflicts that would arise: " + Formats.count(report.conflicts()));
        plan.conflicts().stream()
                .limit(50)
                .forEach(c -> lines.add("   " + c.kind().title() + ": "
                        + c.email()
                                .map(Object::toString)
                                .orElse(c.objectType().map(t -> t.apiName()).orElse(""))));
        return lines;
    }
}
