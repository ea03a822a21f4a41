package com.unsubscribesync.cli;

import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.usecase.BrowserSignIn;
import com.unsubscribesync.usecase.ConnectOrg;
import com.unsubscribesync.usecase.ConnectedOrg;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "connect", description = "Connect the embedded demo org, or a Salesforce org through OAuth.")
public class ConnectCommand implements Callable<Integer> {
    private final Supplier<ConnectOrg> connection;

    public ConnectCommand(Supplier<ConnectOrg> connection) {
        this.connection = connection;
    }

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static class Target {
        @Option(names = "--demo", required = true, description = "Use the embedded demo org.")
        boolean demo;

        @ArgGroup(exclusive = false)
        RealOrg real;
    }

    static class RealOrg {
        @Option(
                names = "--login-url",
                required = true,
                paramLabel = "URL",
                description = "e.g. https://login.salesforce.com or your My Domain; https unless on this computer.")
        String loginUrl;

        @Option(
                names = "--client-id",
                required = true,
                paramLabel = "ID",
                description = "The External Client App's Consumer Key.")
        String clientId;

        @Option(
                names = "--client-secret-env",
                paramLabel = "VAR",
                description = "Read the consumer secret from this environment variable. Without --browser: client "
                        + "credentials (headless, My Domain URL only). With --browser: sent with the code exchange "
                        + "and every refresh, for apps that require the secret.")
        String clientSecretVariable;

        @Option(names = "--browser", description = "Sign in in the browser even when a secret is given.")
        boolean browser;

        @Option(
                names = "--callback-port",
                paramLabel = "N",
                description = "Port of the browser sign-in's callback "
                        + "http://localhost:N/oauth/callback, as registered in the External Client App (default "
                        + DEFAULT_CALLBACK_PORT + ").")
        Integer callbackPort;
    }

    /** The documented default callback port; ConnectCommandTest checks it is the adapter's. */
    static final int DEFAULT_CALLBACK_PORT = 27482;

    @Override
    public Integer call() {
        ConnectOrg connection = this.connection.get();
        PrintWriter out = spec.commandLine().getOut();
        ConnectedOrg org;
        try {
            if (target.demo) {
                org = connection.demo();
            } else if (target.real.clientSecretVariable != null && !target.real.browser) {
                if (target.real.callbackPort != null) {
                    throw new InvalidInputException("--callback-port is for the browser sign-in: add --browser, or "
                            + "leave out --callback-port for client credentials");
                }
                org = connection.withClientSecret(
                        target.real.loginUrl, target.real.clientId, target.real.clientSecretVariable);
            } else {
                org = connection.inBrowser(
                        BrowserSignIn.secretFrom(
                                target.real.loginUrl,
                                target.real.clientId,
                                Optional.ofNullable(target.real.clientSecretVariable),
                                target.real.callbackPort == null
                                        ? OptionalInt.empty()
                                        : OptionalInt.of(target.real.callbackPort)),
                        out);
            }
        } catch (OrgUnreachableException e) {
            spec.commandLine().getErr().println("error: " + e.getMessage());
            return ExitCode.FAILED;
        }
        out.println("Connected to "
                + (org.demo()
                        ? "the demo org (local, not Salesforce)"
                        : org.organizationName() + " (" + org.organizationId() + ")")
                + " as " + org.userName() + ".");
        org.warning().ifPresent(warning -> spec.commandLine().getErr().println("warning: " + warning));
        return ExitCode.DONE;
    }
}
