package com.unsubscribesync.cli;

import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.FreeText;
import com.unsubscribesync.domain.HistoryEntry;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Person;
import com.unsubscribesync.domain.PrintableText;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.RecordUnsubscribe;
import com.unsubscribesync.usecase.Resubscribe;
import com.unsubscribesync.usecase.UnsubscribeList;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "unsubscribe",
        description = "Record, import, list and remove unsubscribes.",
        subcommands = {
            UnsubscribeCommand.Add.class,
            UnsubscribeCommand.Import.class,
            UnsubscribeCommand.Remove.class,
            UnsubscribeCommand.ListCommand.class,
            UnsubscribeCommand.History.class
        })
public class UnsubscribeCommand {
    @ParentCommand
    RootCommand root;

    @Command(name = "add", description = "Record an unsubscribe and queue its real-time push to Salesforce.")
    public static class Add implements Callable<Integer> {
        private final Supplier<RecordUnsubscribe> unsubscribes;

        public Add(Supplier<RecordUnsubscribe> unsubscribes) {
            this.unsubscribes = unsubscribes;
        }

        @ParentCommand
        UnsubscribeCommand group;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--source", defaultValue = "manual", description = "manual, clicked-link or bounce")
        String source;

        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            Email address = Email.parse(email);
            Optional<String> why = FreeText.reason("--reason", reason);
            UnsubscribeSource from = UnsubscribeSource.parse(source);
            RecordUnsubscribe.Recorded recorded;
            try {
                recorded = unsubscribes.get().add(address, from, why);
            } catch (RecordUnsubscribe.SetByTheApp e) {
                throw new InvalidInputException("--source " + source + " " + RecordUnsubscribe.SetByTheApp.WHY);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (recorded.added()) {
                out.println("Unsubscribed " + address + " (" + from.label() + "); queued for Salesforce.");
            } else {
                Unsubscribe existing = recorded.unsubscribe();
                out.println(address + " was already unsubscribed on " + Wording.time(existing.at(), group.root.zone())
                        + " (" + existing.source().label() + "); nothing changed.");
            }
            return ExitCode.DONE;
        }
    }

    @Command(
            name = "import",
            description = "Import unsubscribes from a CSV file (columns email, source, reason, "
                    + "unsubscribed_at). Nothing is written when any row is bad, unless --skip-invalid.")
    public static class Import implements Callable<Integer> {
        private final Supplier<RecordUnsubscribe> unsubscribes;

        public Import(Supplier<RecordUnsubscribe> unsubscribes) {
            this.unsubscribes = unsubscribes;
        }

        @Mixin
        CsvImport csv;

        @Override
        public Integer call() {
            return csv.run(unsubscribes.get()::importFile, UnsubscribeImporter.FIELDS, "unsubscribes");
        }
    }

    @Command(name = "remove", description = "Resubscribe an address (an admin act, recorded with its reason).")
    public static class Remove implements Callable<Integer> {
        private final Supplier<Resubscribe> resubscribe;
        private final Supplier<ConnectOrg> connection;

        public Remove(Supplier<Resubscribe> resubscribe, Supplier<ConnectOrg> connection) {
            this.resubscribe = resubscribe;
            this.connection = connection;
        }

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--reason", required = true, description = "Why the person is resubscribed (kept in history).")
        String reason;

        @Option(names = "--also-salesforce", description = "Also uncheck the opt-out in Salesforce.")
        boolean alsoSalesforce;

        @Override
        public Integer call() {
            Email address = Email.parse(email);
            String why = FreeText.reason("--reason", reason)
                    .orElseThrow(
                            () -> new InvalidInputException("--reason is empty: say why the person is resubscribed"));
            if (alsoSalesforce && !connection.get().opens()) {
                throw new NotConnectedException("--also-salesforce needs a connected org and none is connected: run "
                        + "'connect' first, or resubscribe here and uncheck the opt-out in Salesforce yourself");
            }
            var result = resubscribe.get().resubscribe(address, why, alsoSalesforce);
            PrintWriter out = spec.commandLine().getOut();
            if (!result.wasUnsubscribed()) {
                out.println(address + " is not unsubscribed here.");
            } else {
                out.println("Resubscribed " + address + ".");
            }
            if (alsoSalesforce) {
                result.uncheckedInSalesforce()
                        .forEach(change -> out.println("  " + change.id() + ": "
                                + (change.changed() ? "unchecked" : "not changed (" + change.detail() + ")")));
            } else if (result.wasUnsubscribed()) {
                out.println("Salesforce must be unchecked too, or the next nightly sync will unsubscribe the address "
                        + "again (use --also-salesforce to do it now).");
            }
            return ExitCode.DONE;
        }
    }

    @Command(name = "list", description = "List unsubscribes in email order.")
    public static class ListCommand implements Callable<Integer> {
        private final Supplier<UnsubscribeList> unsubscribes;

        public ListCommand(Supplier<UnsubscribeList> unsubscribes) {
            this.unsubscribes = unsubscribes;
        }

        @ParentCommand
        UnsubscribeCommand group;

        @Spec
        CommandSpec spec;

        @Option(names = "--search", paramLabel = "TEXT", description = "Only addresses starting with TEXT.")
        String search;

        @Option(names = "--limit", defaultValue = "50")
        int limit;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            OptionRange.require("--limit", limit, 1, 100_000);
            List<ListedUnsubscribe> rows = unsubscribes.get().list(search, limit, 0);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(Json.write(rows.stream().map(ListCommand::view).toList()));
                return ExitCode.DONE;
            }
            for (ListedUnsubscribe row : rows) {
                Unsubscribe u = row.unsubscribe();
                String id = row.person()
                        .flatMap(Person::salesforceId)
                        .map(Object::toString)
                        .orElse("-");
                out.printf(
                        "%-40s %-18s %-15s %s%n",
                        u.email(), id, u.source().label(), Wording.time(u.at(), group.root.zone()));
            }
            if (rows.isEmpty()) {
                out.println(search == null ? "No unsubscribes yet." : "No unsubscribe starts with '" + search + "'.");
            }
            return ExitCode.DONE;
        }

        private static Map<String, Object> view(ListedUnsubscribe row) {
            Unsubscribe u = row.unsubscribe();
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("email", u.email().value());
            view.put("name", row.person().map(Person::displayName).orElse(null));
            view.put(
                    "object",
                    row.person()
                            .flatMap(Person::salesforceId)
                            .map(id -> id.objectType().apiName())
                            .orElse(null));
            view.put(
                    "salesforceId",
                    row.person()
                            .flatMap(Person::salesforceId)
                            .map(Object::toString)
                            .orElse(null));
            view.put("source", u.source().label());
            view.put("unsubscribedAt", u.at().toString());
            view.put("actor", u.actor());
            view.put("reason", u.reason().orElse(null));
            return view;
        }
    }

    @Command(name = "history", description = "The unsubscribe history card of one address.")
    public static class History implements Callable<Integer> {
        private final Supplier<UnsubscribeList> unsubscribes;

        public History(Supplier<UnsubscribeList> unsubscribes) {
            this.unsubscribes = unsubscribes;
        }

        @ParentCommand
        UnsubscribeCommand group;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EMAIL")
        String email;

        @Option(names = "--json")
        boolean json;

        @Override
        public Integer call() {
            Email address = Email.parse(email);
            List<HistoryEntry> entries = unsubscribes.get().history(address);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                List<Map<String, Object>> views = new ArrayList<>();
                for (HistoryEntry entry : entries) {
                    Map<String, Object> view = new LinkedHashMap<>();
                    view.put("email", entry.email().value());
                    view.put("at", entry.at().toString());
                    view.put("action", entry.action().label());
                    view.put("source", entry.source().label());
                    view.put("actor", entry.actor());
                    view.put("reason", entry.reason().orElse(null));
                    views.add(view);
                }
                out.println(Json.write(views));
                return ExitCode.DONE;
            }
            if (entries.isEmpty()) {
                out.println("No history for " + address + ".");
            }
            for (HistoryEntry entry : entries) {
                out.printf(
                        "%s  %-11s  %-15s  %s%s%n",
                        Wording.time(entry.at(), group.root.zone()),
                        entry.action().label(),
                        entry.source().label(),
                        PrintableText.of(entry.actor()),
                        entry.reason()
                                .map(r -> "  \"" + PrintableText.of(r) + "\"")
                                .orElse(""));
            }
            return ExitCode.DONE;
        }
    }
}
