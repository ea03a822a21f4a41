package com.unsubscribesync.app;

import com.unsubscribesync.cli.RootCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code console}: opens the console window, the same as giving no command. */
@Command(name = "console", description = "Opens the console window (what happens when no command is given).")
final class ConsoleCommand implements Callable<Integer> {
    @ParentCommand
    RootCommand root;

    @Option(
            names = "--screenshots",
            paramLabel = "DIR",
            description = "Render every screen into DIR as PNG files, then quit.")
    Path screenshots;

    private final ConsoleLaunch start;

    ConsoleCommand(ConsoleLaunch start) {
        this.start = start;
    }

    @Override
    public Integer call() {
        return start.open(arguments(root.dataDirectory(), root.store(), Optional.ofNullable(screenshots)));
    }

    /** The console's own arguments, as {@link ConsoleApplication} reads them. */
    static List<String> arguments(Optional<Path> dataDirectory, Optional<String> store, Optional<Path> screenshots) {
        List<String> args = new ArrayList<>();
        dataDirectory.ifPresent(dir -> args.addAll(List.of("--data-dir", dir.toString())));
        store.ifPresent(url -> args.addAll(List.of("--store", url)));
        screenshots.ifPresent(dir -> args.addAll(List.of("--screenshots", dir.toString())));
        return args;
    }
}
