package com.unsubscribesync.app;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.salesforce.ForceWscOrg;
import com.unsubscribesync.salesforce.LoginUrl;
import com.unsubscribesync.salesforce.OrgSignIn;
import com.unsubscribesync.salesforce.SalesforceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The embedded demo org: a local org started in-process on a random loopback port, its state kept in the data
 * directory, reached through the same OAuth and SOAP path as a real org. Closing the connection stops it.
 * The process that starts it notes its address in the state directory, so another process on the same data
 * directory (the console while {@code serve} runs, a command) joins that org instead of failing on its lock.
 */
final class DemoOrg {
    static final String DIRECTORY = "demo-org";
    private static final String RUNNING = "running.properties";

    /**
     * The demo orgs this process runs, by state directory. Another process is kept off a running org's files by
     * their lock; within one process only this keeps a second org from opening them and saving over the first.
     */
    private static final Map<Path, LocalOrg> RUNNING_HERE = new HashMap<>();

    private final Path dataDirectory;

    DemoOrg(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    ForceWscOrg open(OrgSignIn signIn) {
        Path state = dataDirectory.resolve(DIRECTORY);
        java.util.Optional<ForceWscOrg> running = joinRunning(signIn, state);
        if (running.isPresent()) {
            return running.get();
        }
        Path here = state.toAbsolutePath().normalize();
        synchronized (RUNNING_HERE) {
            LocalOrg started = RUNNING_HERE.get(here);
            if (started != null) {
                // This process runs it and it did not answer: its own error, never a second org writing over its files.
                return signIn.demo(LoginUrl.parse(started.url()), started.clientId(), started.clientSecret(), () -> {});
            }
            return start(signIn, state, here);
        }
    }

    private static ForceWscOrg start(OrgSignIn signIn, Path state, Path here) {
        LocalOrg local;
        try {
            local = LocalOrg.start(LocalOrgOptions.defaults().withStateDir(state));
        } catch (IOException | IllegalArgumentException e) {
            throw new SalesforceException(
                    SalesforceException.Kind.UNAVAILABLE,
                    "DEMO_ORG",
                    "The demo org could not start " + "in " + state + " (" + e.getMessage()
                            + "): check that the data directory is writable.",
                    e);
        }
        RUNNING_HERE.put(here, local);
        Path note = state.resolve(RUNNING);
        Runnable stop = () -> {
            synchronized (RUNNING_HERE) {
                RUNNING_HERE.remove(here, local);
                local.close();
                forget(note);
            }
        };
        try {
            note(note, local);
            return signIn.demo(LoginUrl.parse(local.url()), local.clientId(), local.clientSecret(), stop);
        } catch (RuntimeException e) {
            stop.run();
            throw e;
        }
    }

    /** Joins the demo org another process runs on this data directory, if there is one that answers. */
    private static java.util.Optional<ForceWscOrg> joinRunning(OrgSignIn signIn, Path state) {
        Properties running = new Properties();
        try (InputStream in = Files.newInputStream(state.resolve(RUNNING))) {
            running.load(in);
            return java.util.Optional.of(signIn.demo(
                    LoginUrl.parse(running.getProperty("url")),
                    running.getProperty("client-id"),
                    running.getProperty("client-secret"),
                    () -> {}));
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }

    /** The demo org's own loopback address and test client, readable only by this user like its state. */
    private static void note(Path file, LocalOrg local) {
        Properties running = new Properties();
        running.setProperty("url", local.url());
        running.setProperty("client-id", local.clientId());
        running.setProperty("client-secret", local.clientSecret());
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            running.store(out, "the demo org this data directory is running now");
            com.unsubscribesync.files.OwnerOnly.write(file, out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void forget(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A stale note is harmless: joining fails and the next start writes a new one.
        }
    }
}
