package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.ResubscribePolicy;
import com.unsubscribesync.domain.SyncSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "settings", description = "Show or change the sync settings.",
        subcommands = {SettingsCommand.Show.class, SettingsCommand.Set.class})
public class SettingsCommand {
    @ParentCommand
    RootCommand root;

    static Map<String, Object> view(SyncSettings settings) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("nightlySync", settings.nightlySync() ? "on" : "off");
        view.put("field", settings.field().key());
        view.put("fieldApiName", settings.fieldApiName().orElse(null));
        view.put("resubscribePolicy", settings.resubscribePolicy().key());
        view.put("matchByEmail", settings.matchByEmail() ? "on" : "off");
        view.put("apiReservePercent", settings.apiReservePercent());
        view.put("bulkThreshold", settings.bulkThreshold());
        return view;
    }

    @Command(name = "show", description = "Print the settings.")
    static class Show implements Callable<Integer> {
        @ParentCommand
        SettingsCommand group;
        @Spec
        CommandSpec spec;
        @Option(names = "--json", description = "Print one JSON document.")
        boolean json;

        @Override
        public Integer call() {
            SyncSettings settings = group.root.workspace().settings().load();
            if (json) {
                spec.commandLine().getOut().println(Json.write(view(settings)));
            } else {
                view(settings).forEach((key, value) -> spec.commandLine().getOut()
                        .println(key + ": " + (value == null ? "(discovered by label)" : value)));
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "set", description = "Change settings: nightly-sync=on|off, field=email-opt-out|marketo-sales-opt-out, "
            + "field-api-name=NAME, resubscribe-policy=reapply|hold, match-by-email=on|off, api-reserve-percent=N, "
            + "bulk-threshold=N (records for one object from which the Bulk API is used; at least 1000).")
    static class Set implements Callable<Integer> {
        @ParentCommand
        SettingsCommand group;
        @Spec
        CommandSpec spec;
        @Parameters(arity = "1..*", paramLabel = "KEY=VALUE")
        List<String> assignments;

        @Override
        public Integer call() {
            var repository = group.root.workspace().settings();
            var stored = repository.loadStored();
            SyncSettings settings = stored.settings();
            java.util.Set<String> keys = new java.util.HashSet<>();
            for (String assignment : assignments) {
                settings = apply(settings, assignment);
                keys.add(assignment.substring(0, assignment.indexOf('=')).strip());
            }
            stored.requireUnderstood(keys);
            repository.save(settings);
            spec.commandLine().getOut().println("Settings saved.");
            return ExitCode.DONE;
        }

        static SyncSettings apply(SyncSettings settings, String assignment) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                throw new InvalidInputException("'" + assignment + "' is not KEY=VALUE, e.g. nightly-sync=on");
            }
            String key = assignment.substring(0, equals).strip();
            String value = assignment.substring(equals + 1).strip();
            return switch (key) {
                case "nightly-sync" -> settings.withNightlySync(onOff(key, value));
                case "field" -> settings.withField(OptOutField.parse(value));
                case "field-api-name" -> settings.withFieldApiName(fieldApiName(value));
                case "resubscribe-policy" -> settings.withResubscribePolicy(ResubscribePolicy.parse(value));
                case "match-by-email" -> settings.withMatchByEmail(onOff(key, value));
                case "api-reserve-percent" -> settings.withApiReservePercent(wholeNumber(key, value));
                case "bulk-threshold" -> settings.withBulkThreshold(wholeNumber(key, value));
                default -> throw new InvalidInputException("setting '" + key + "' is unknown: use nightly-sync, field, "
                        + "field-api-name, resubscribe-policy, match-by-email, api-reserve-percent or bulk-threshold");
            };
        }

        private static boolean onOff(String key, String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "on", "true", "yes" -> true;
                case "off", "false", "no" -> false;
                default -> throw new InvalidInputException(key + "='" + value + "' is not on or off");
            };
        }

        private static Optional<String> fieldApiName(String value) {
            if (value.isEmpty()) {
                return Optional.empty();
            }
            if (!value.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
                throw new InvalidInputException("field-api-name '" + value + "' is not a Salesforce API name "
                        + "(letters, digits and underscores, e.g. mkto_si__Opt_Out__c)");
            }
            return Optional.of(value);
        }

        private static int wholeNumber(String key, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new InvalidInputException(key + "='" + value + "' is not a whole number");
            }
        }
    }
}
