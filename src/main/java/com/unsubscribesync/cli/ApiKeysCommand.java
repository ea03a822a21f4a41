package com.unsubscribesync.cli;

import com.unsubscribesync.usecase.ApiKeys;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
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
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "api-keys",
        description = "Keys for systems that send unsubscribes to 'POST /api/unsubscribes' of 'serve --intake'.",
        subcommands = {ApiKeysCommand.Create.class, ApiKeysCommand.Revoke.class, ApiKeysCommand.ListCommand.class})
public class ApiKeysCommand {
    @ParentCommand
    RootCommand root;

    @Command(
            name = "create",
            description = "Make a key and print it; it is shown this once. Its unsubscribes show as actor api:NAME.")
    public static class Create implements Callable<Integer> {
        private final Supplier<ApiKeys> keys;

        public Create(Supplier<ApiKeys> keys) {
            this.keys = keys;
        }

        @Spec
        CommandSpec spec;

        @Parameters(
                paramLabel = "NAME",
                description = "Who uses the key, e.g. crm: 1 to 40 letters, digits, dots, dashes or underscores.")
        String name;

        @Override
        public Integer call() {
            ApiKeys.CreatedKey created = keys.get().create(name);
            PrintWriter out = spec.commandLine().getOut();
            out.println("API key '" + created.name() + "' created:");
            out.println(created.key());
            out.println("The key is shown only now: keep it where the calling system keeps its secrets. "
                    + "Lost, it cannot be shown again; revoke it and create another.");
            return ExitCode.DONE;
        }
    }

    @Command(name = "revoke", description = "Refuse a key from now on (401); its name stays in the list and history.")
    public static class Revoke implements Callable<Integer> {
        private final Supplier<ApiKeys> keys;

        public Revoke(Supplier<ApiKeys> keys) {
            this.keys = keys;
        }

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        public Integer call() {
            String revoked = keys.get().revoke(name);
            spec.commandLine()
                    .getOut()
                    .println("API key '" + revoked + "' revoked: requests with it are refused from now on.");
            return ExitCode.DONE;
        }
    }

    @Command(name = "list", description = "Every key with when it was made, last used and revoked, and its uses.")
    public static class ListCommand implements Callable<Integer> {
        private final Supplier<ApiKeys> keys;

        public ListCommand(Supplier<ApiKeys> keys) {
            this.keys = keys;
        }

        @ParentCommand
        ApiKeysCommand group;

        @Spec
        CommandSpec spec;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            List<ApiKeys.KeyUse> all = keys.get().list();
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(all.stream().map(ListCommand::view).toList()));
                return ExitCode.DONE;
            }
            if (all.isEmpty()) {
                out.println("No API keys yet: 'api-keys create NAME' makes one.");
                return ExitCode.DONE;
            }
            ZoneId zone = group.root.zone();
            out.printf("%-40s  %-20s  %-20s  %8s  %s%n", "NAME", "CREATED", "LAST USED", "USES", "REVOKED");
            for (ApiKeys.KeyUse key : all) {
                out.printf(
                        "%-40s  %-20s  %-20s  %8d  %s%n",
                        key.name(),
                        Wording.time(key.created(), zone),
                        time(key.lastUsed(), zone, "never"),
                        key.uses(),
                        time(key.revoked(), zone, "-"));
            }
            return ExitCode.DONE;
        }

        private static String time(Optional<Instant> at, ZoneId zone, String none) {
            return at.map(instant -> Wording.time(instant, zone)).orElse(none);
        }

        private static Map<String, Object> view(ApiKeys.KeyUse key) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", key.name());
            view.put("created", key.created().toString());
            view.put("lastUsed", key.lastUsed().map(Instant::toString).orElse(null));
            view.put("uses", key.uses());
            view.put("revoked", key.revoked().map(Instant::toString).orElse(null));
            return view;
        }
    }
}
