package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.links.BaseUrl;
import com.unsubscribesync.links.KeyRotation;
import com.unsubscribesync.links.OneClickLink;
import com.unsubscribesync.links.UnsubscribeLinks;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(
        name = "links",
        description = "Signed one-click unsubscribe links (RFC 8058) for the emails you send; "
                + "'serve --intake' records their clicks.",
        subcommands = {LinksCommand.Make.class, LinksCommand.RotateKey.class})
public class LinksCommand {
    @ParentCommand
    RootCommand root;

    @Command(
            name = "make",
            description = {
                "Print an address's unsubscribe link and the two header lines to put in the email:",
                "  List-Unsubscribe: <URL>",
                "  List-Unsubscribe-Post: List-Unsubscribe=One-Click",
                "With --csv, write a CSV with a link per row instead (columns email and, optionally, campaign)."
            })
    public static class Make implements Callable<Integer> {
        private final Supplier<UnsubscribeLinks> links;

        public Make(Supplier<UnsubscribeLinks> links) {
            this.links = links;
        }

        @Spec
        CommandSpec spec;

        @ArgGroup(multiplicity = "1")
        Input input;

        static class Input {
            @Parameters(paramLabel = "EMAIL", description = "The recipient's address.")
            String email;

            @Option(names = "--csv", paramLabel = "FILE", description = "A CSV file with an email column.")
            Path csv;
        }

        @Option(
                names = "--base-url",
                required = true,
                paramLabel = "URL",
                description = "Where recipients reach the intake, e.g. https://unsubscribe.example.com "
                        + "(a reverse proxy passing /u/… to 'serve --intake'); plain http only for this computer.")
        String baseUrl;

        @Option(
                names = "--campaign",
                paramLabel = "NAME",
                description = "The campaign the email belongs to; written into history as the reason. "
                        + "With --csv, for rows without a campaign of their own.")
        String campaign;

        @Option(
                names = "--out",
                paramLabel = "FILE",
                description = "With --csv: where to write the links (default: FILE-links.csv beside it).")
        Path out;

        @Option(names = "--json", description = "One JSON document: url and headers.")
        boolean json;

        @Override
        public Integer call() {
            BaseUrl base = BaseUrl.parse(baseUrl);
            if (input.csv != null) {
                Path target = out != null ? out : LinksCsv.besides(input.csv);
                long rows = new LinksCsv(links.get(), base, Optional.ofNullable(campaign)).write(input.csv, target);
                spec.commandLine().getOut().println("Wrote " + rows + " links to " + target + ".");
                return ExitCode.DONE;
            }
            if (out != null) {
                throw new InvalidInputException("--out goes with --csv: drop it, or give --csv FILE");
            }
            OneClickLink link = links.get()
                    .make(
                            com.unsubscribesync.links.LinkSubject.parse(input.email, Optional.ofNullable(campaign)),
                            base);
            PrintWriter printed = spec.commandLine().getOut();
            if (json) {
                Map<String, Object> view = new LinkedHashMap<>();
                view.put("url", link.url().toString());
                view.put("headers", link.headers());
                printed.println(Json.write(view));
            } else {
                printed.println(link.url());
                link.headers().forEach(printed::println);
            }
            return ExitCode.DONE;
        }
    }

    @Command(
            name = "rotate-key",
            description = "Seal new links with a new key; links made before keep working for a while, then stop.")
    public static class RotateKey implements Callable<Integer> {
        private final Supplier<UnsubscribeLinks> links;

        public RotateKey(Supplier<UnsubscribeLinks> links) {
            this.links = links;
        }

        @ParentCommand
        LinksCommand group;

        @Spec
        CommandSpec spec;

        @Option(
                names = "--keep-old-for",
                paramLabel = "DAYS",
                defaultValue = "90",
                description = "How many days links made with the old key still unsubscribe (default: 90; 0 stops "
                        + "them now, e.g. after the key leaked).")
        int days;

        @Override
        public Integer call() {
            if (days < 0 || days > 3650) {
                throw new InvalidInputException(
                        "--keep-old-for " + days + " is out of range: give a number of days from 0 to 3650");
            }
            KeyRotation rotation = links.get().rotateKey(Duration.ofDays(days));
            spec.commandLine()
                    .getOut()
                    .println("New links are sealed with key " + rotation.newKeyId() + "; links made with key "
                            + rotation.retiredKeyId() + " keep working until "
                            + Wording.time(rotation.retiredKeyAcceptedUntil(), group.root.zone()) + ". Keys still "
                            + "accepted besides the new one: " + rotation.olderKeysAccepted() + ".");
            return ExitCode.DONE;
        }
    }
}
