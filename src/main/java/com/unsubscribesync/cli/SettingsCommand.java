package com.unsubscribesync.cli;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.usecase.ChangeSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "settings",
        description = "Show or change the sync settings.",
        subcommands = {SettingsCommand.Show.class, SettingsCommand.Set.class})
public class SettingsCommand {
    static Map<String, Object> view(SyncSettings settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("nightlySync", settings.nightlySync() ? "on" : "off");
        view.put("field", settings.field().key());
        view.put("fieldApiName", settings.fieldApiName().orElse(null));
        view.put("resubscribePolicy", settings.resubscribePolicy().key());
        view.put("matchByEmail", settings.matchByEmail() ? "on" : "off");
        view.put("apiReservePercent", settings.apiReservePercent());
        view.put("bulkThreshold", settings.bulkThreshold());
        view.put("callsInFlight", settings.callsInFlight());
        view.put(
                "bulkQueryFrom",
                settings.bulkQueryFrom() == SyncSettings.BULK_QUERY_OFF ? "off" : settings.bulkQueryFrom());
        return view;
    }

    @Command(name = "show", description = "Print the settings.")
    public static class Show implements Callable<Integer> {
        private final Supplier<ChangeSettings> settings;

        public Show(Supplier<ChangeSettings> settings) {
            this.settings = settings;
        }

        @Spec
        CommandSpec spec;

        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            SyncSettings settings = this.settings.get().current();
            if (json) {
                spec.commandLine().getOut().println(Json.write(view(settings)));
            } else {
                view(settings)
                        .forEach((key, value) -> spec.commandLine()
                                .getOut()
                                .println(key + ": " + (value == null ? "(discovered by label)" : value)));
            }
            return ExitCode.DONE;
        }
    }

    @Command(
            name = "set",
            description = "Change settings: nightly-sync=on|off, field=email-opt-out|marketo-sales-opt-out, "
                    + "field-api-name=NAME, resubscribe-policy=reapply|hold, match-by-email=on|off, api-reserve-percent=N, "
                    + "bulk-threshold=N (records for one object from which the Bulk API is used; at least 1000), "
                    + "calls-in-flight=N (calls to Salesforce kept going at once; 1 to 25), "
                    + "bulk-query-from=N|off (records of one object from which a full read is one Bulk query job; "
                    + "at least 10000).")
    public static class Set implements Callable<Integer> {
        private final Supplier<ChangeSettings> settings;

        public Set(Supplier<ChangeSettings> settings) {
            this.settings = settings;
        }

        @Spec
        CommandSpec spec;

        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        public Integer call() {
            settings.get().assign(assignments);
            spec.commandLine().getOut().println("Settings saved.");
            return ExitCode.DONE;
        }
    }
}
