package com.unsubscribesync.app;

import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.faults.FaultSpec;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import com.unsubscribesync.localorg.oauth.ConnectedApp;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code org serve}: runs the local org on 127.0.0.1 until the process is stopped, after printing where it listens
 * and the credentials it accepts.
 */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = "Run the local Salesforce org on 127.0.0.1 until stopped.")
public class OrgServeCommand implements Callable<Integer> {
    static final int BAD_INPUT = 2;
    static final int FAILED = 1;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "port to listen on (0 = any free port)")
    private int port;

    @Option(names = "--people", paramLabel = "N", description = "demo people to seed (default 2000)")
    private int people = 2000;

    @Option(names = "--seed", paramLabel = "N", description = "seed of the demo data and injected faults")
    private long seed = 1;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    private Storage storage;

    @Option(
            names = "--faults",
            paramLabel = "SPEC",
            description = "faults to inject, e.g. "
                    + "update:UNABLE_TO_LOCK_ROW@0.05,session-expire-every:100,latency:20ms,html503@0.01; the user's "
                    + "rights: fls:Contact.HasOptedOutOfEmail=readonly,object:Lead=read,permission:ApiEnabled=off")
    private String faults = "";

    @Option(
            names = "--latency",
            paramLabel = "PROFILE",
            description = "how long each call takes to answer: zero (the default), typical (a production org seen"
                    + " from a desktop, ADR 0059) or e.g. query=300ms+0.25ms/row,default=200ms,jitter=20%%")
    private String latency = LatencyProfile.ZERO;

    @Option(
            names = "--api-limit",
            paramLabel = "N",
            description = "daily API call allocation, counted over a rolling 24 hours")
    private Integer apiLimit;

    @Option(names = "--without-package", description = "leave the Marketo Sales Insight package out")
    private boolean withoutPackage;

    @Option(names = "--tls", description = "serve https with a self-signed certificate of this org")
    private boolean tls;

    @Option(
            names = "--callback-url",
            paramLabel = "URL",
            description = "a callback URL of the org's connected app, "
                    + "matched character for character (repeatable; default the app's "
                    + ConnectedApp.DOCUMENTED_CALLBACK
                    + "); plain http only on a host name such as localhost")
    private List<String> callbackUrls = new ArrayList<>();

    @Option(
            names = "--no-secret-for-web-server-flow",
            description =
                    "turn \"Require Secret for Web Server Flow\" " + "off (on by default, as Salesforce ships it)")
    private boolean noSecretForWebServerFlow;

    @Option(
            names = "--no-secret-for-refresh-token-flow",
            description =
                    "turn \"Require Secret for Refresh Token " + "Flow\" off (on by default, as Salesforce ships it)")
    private boolean noSecretForRefreshTokenFlow;

    @Option(
            names = "--generic-login-host",
            description = "also play a shared login host such as "
                    + "login.salesforce.com on a second port, where client credentials are refused")
    private boolean genericLoginHost;

    private LocalOrg running;

    static class Storage {
        @Option(names = "--memory", description = "keep the org in memory only (the default)")
        boolean memory;

        @Option(names = "--state", paramLabel = "DIR", description = "keep the org in its own H2 file in DIR")
        Path directory;
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        LocalOrgOptions options;
        ConnectedApp app;
        try {
            app = ConnectedApp.defaults()
                    .withRequireSecret(!noSecretForWebServerFlow, !noSecretForRefreshTokenFlow)
                    .withGenericLoginHost(genericLoginHost);
            if (!callbackUrls.isEmpty()) {
                app = app.withCallbackUrls(callbackUrls);
            }
            FaultSpec.parse(faults);
            options = LocalOrgOptions.defaults()
                    .withPort(port)
                    .withPeople(people)
                    .withSeed(seed)
                    .withPackage(!withoutPackage)
                    .withFaults(faults)
                    .withLatency(LatencyProfile.parse(latency))
                    .withTls(tls)
                    .withStateDir(storage == null ? null : storage.directory);
            if (apiLimit != null) {
                options = options.withApiLimit(apiLimit);
            }
        } catch (IllegalArgumentException e) {
            err.println("org serve: " + e.getMessage());
            return BAD_INPUT;
        }
        try {
            running = LocalOrg.start(options, app);
        } catch (IllegalArgumentException e) {
            err.println("org serve: " + e.getMessage());
            return BAD_INPUT;
        } catch (IOException e) {
            err.println("org serve: the local org could not start: " + e.getMessage());
            return FAILED;
        }
        LocalOrg org = running;
        Runtime.getRuntime().addShutdownHook(new Thread(org::close, "localorg-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("local org listening on " + org.url());
        out.println("client id: " + org.clientId());
        out.println("client secret: " + org.clientSecret());

        out.println("username: " + org.username());
        out.println("password: " + org.password());
        org.certificate().ifPresent(path -> out.println("certificate: " + path));
        out.println("callback URLs: " + String.join(" ", app.callbackUrls()));
        org.genericLoginUrl().ifPresent(url -> out.println("generic login host: " + url));
        out.flush();
        return CommandLineApp.KEEP_RUNNING;
    }

    /** The org this command started, so an embedding caller can stop it without ending the process. */
    public LocalOrg runningOrg() {
        return running;
    }
}
