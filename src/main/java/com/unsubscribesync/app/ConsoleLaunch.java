package com.unsubscribesync.app;

import com.unsubscribesync.cli.ExitCode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Opens the console window with its arguments and returns the exit code once it is closed. */
@FunctionalInterface
interface ConsoleLaunch {
    int open(List<String> arguments);

    /**
     * The real window, after checking that there is a display to show it on: without one, JavaFX fails with a stack
     * trace, so the admin gets one sentence instead.
     */
    static ConsoleLaunch onThisDesktop(Map<String, String> env, PrintStream err) {
        return arguments -> {
            if (!displayAvailable(env, System.getProperty("os.name", ""))) {
                err.println("error: no display is available to open the console window: run it in a desktop "
                        + "session (on Linux, with DISPLAY or WAYLAND_DISPLAY set), or use a command; see "
                        + "'unsubscribe-sync --help'");
                return ExitCode.BAD_INPUT;
            }
            ConsoleLauncher.main(arguments.toArray(String[]::new));
            return ExitCode.DONE;
        };
    }

    /** Windows and macOS always have a desktop; elsewhere an X11 or Wayland display must be named. */
    static boolean displayAvailable(Map<String, String> env, String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return true;
        }
        return !env.getOrDefault("DISPLAY", "").isBlank()
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
    }
}
