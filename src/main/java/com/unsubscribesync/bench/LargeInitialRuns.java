package com.unsubscribesync.bench;

import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.localorg.LocalOrg;
import com.unsubscribesync.localorg.LocalOrgOptions;
import com.unsubscribesync.localorg.latency.LatencyProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code large-initial}: the first nightly run on a large org (a million people unless told), run as an admin runs
 * it, {@code sync run --json} in a process of its own with a heap of 256 MB, twice on two orgs seeded alike: once
 * with the app's default {@code bulk-query-from}, so that an object of 100 000 records or more is read through a
 * Bulk query job, and once with {@code bulk-query-from=off}, every page by SOAP. The Bulk path's time over the SOAP
 * path's is the ratio issue 20 asks about. The orgs run in this process, one at a time. Nothing is unsubscribed
 * here beforehand, as on an admin's first day: the run imports the org's own opt-outs (5 % of the people) and pushes
 * only what they imply for other records with the same addresses, so the figures are the read's.
 */
final class LargeInitialRuns {
    static final String SCENARIO = "large-initial";
    static final int DEFAULT_PEOPLE = 1_000_000;
    static final String HEAP = "-Xmx256m";

    private static final String SECRET_VARIABLE = "UNSUBSCRIBE_SYNC_BENCH_CLIENT_SECRET";
    private static final List<String> NOT_PASSED_ON =
            List.of("UNSUBSCRIBE_SYNC_HOME", "UNSUBSCRIBE_SYNC_STORE", "UNSUBSCRIBE_SYNC_STORE_PASSWORD");
    private static final long PATIENCE_MINUTES = 60;

    private final AppCommandLine app;

    LargeInitialRuns(AppCommandLine app) {
        this.app = app;
    }

    /** One path's figures. */
    private record PathRun(
            double wallMs,
            long apiCalls,
            long minApiCalls,
            Map<String, Long> callsByOperation,
            long peakMb,
            long dataDirectoryMb,
            String json) {
        long field(String name) {
            Matcher value =
                    Pattern.compile("\"" + name + "\"\\s*:\\s*(-?[0-9]+)").matcher(json);
            return value.find() ? Long.parseLong(value.group(1)) : -1;
        }
    }

    /** Runs both paths under one latency profile, in {@code directory} (made here, left for the caller to delete). */
    ScenarioResult run(int people, LatencyProfile latency, Path directory) {
        PathRun bulk = onFreshOrg(
                people, latency, directory.resolve("bulk-query"), String.valueOf(SyncSettings.DEFAULT_BULK_QUERY_FROM));
        PathRun soap = onFreshOrg(people, latency, directory.resolve("soap-pages"), "off");
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("store", "h2");
        details.put("latency", latency.name());
        details.put("people", people);
        details.put("heap", HEAP.substring("-Xmx".length()));
        details.put("pulled", bulk.field("pulled"));
        details.put("pushed", bulk.field("pushed"));
        details.put("imported", bulk.field("imported"));
        details.put("runMs", bulk.field("durationMs"));
        details.put("peakResidentMb", bulk.peakMb());
        details.put("dataDirectoryMb", bulk.dataDirectoryMb());
        details.put("callsByOperation", bulk.callsByOperation());
        details.put("soapWallMs", UnsubscribeListBench.round(soap.wallMs()));
        details.put("soapRunMs", soap.field("durationMs"));
        details.put("soapApiCalls", soap.apiCalls());
        details.put("soapMinApiCalls", soap.minApiCalls());
        details.put("soapPeakResidentMb", soap.peakMb());
        details.put("soapDataDirectoryMb", soap.dataDirectoryMb());
        details.put("soapCallsByOperation", soap.callsByOperation());
        details.put(
                "sameWorkOnBothPaths",
                bulk.field("pulled") == soap.field("pulled")
                        && bulk.field("pushed") == soap.field("pushed")
                        && bulk.field("imported") == soap.field("imported"));
        return new ScenarioResult(
                SCENARIO, bulk.apiCalls(), bulk.minApiCalls(), bulk.wallMs(), soap.wallMs(), bulk.peakMb(), details);
    }

    private PathRun onFreshOrg(int people, LatencyProfile latency, Path dataDirectory, String bulkQueryFrom) {
        try (LocalOrg org = LocalOrg.start(LocalOrgOptions.defaults()
                .withPeople(people)
                .withApiLimit(Integer.MAX_VALUE)
                .withLatency(latency))) {
            Files.createDirectories(dataDirectory);
            app(
                    org,
                    dataDirectory,
                    List.of(),
                    "connect",
                    "--login-url",
                    org.url(),
                    "--client-id",
                    org.clientId(),
                    "--client-secret-env",
                    SECRET_VARIABLE);
            app(
                    org,
                    dataDirectory,
                    List.of(),
                    "settings",
                    "set",
                    "nightly-sync=on",
                    "bulk-query-from=" + bulkQueryFrom);

            Map<String, Long> rows = new LinkedHashMap<>();
            Set<String> optedOutBefore = new HashSet<>();
            org.state().forEachPerson(person -> {
                rows.merge(person.objectType(), 1L, Long::sum);
                if (person.optedOut()) {
                    optedOutBefore.add(person.id());
                }
            });
            Map<String, Long> before = org.partnerCallsByOperation();
            long calls = org.apiCallsUsed();
            long start = System.nanoTime();
            Finished run = app(org, dataDirectory, List.of(HEAP), "sync", "run", "--json");
            double wallMs = (System.nanoTime() - start) / 1_000_000.0;
            calls = org.apiCallsUsed() - calls;

            Map<String, Long> optedOutByTheRun = new LinkedHashMap<>();
            org.state().forEachPerson(person -> {
                if (person.optedOut() && !optedOutBefore.contains(person.id())) {
                    optedOutByTheRun.merge(person.objectType(), 1L, Long::sum);
                }
            });
            return new PathRun(
                    wallMs,
                    calls,
                    SyncScenarios.nightlyMinimum(
                            rows.values(), optedOutByTheRun.values(), !bulkQueryFrom.equals("off")),
                    SyncScenarios.since(before, org.partnerCallsByOperation()),
                    run.peakMb(),
                    megabytes(dataDirectory),
                    run.out());
        } catch (IOException e) {
            throw new UncheckedIOException(SCENARIO + ": a local org or its data directory could not be made", e);
        }
    }

    /** What the data directory takes on disk once the run's process has ended. */
    private static long megabytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            long bytes = 0;
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                bytes += Files.size(file);
            }
            return Math.round(bytes / (1024.0 * 1024.0));
        }
    }

    private record Finished(String out, long peakMb) {}

    /** Runs the app's command line in a process of its own on the data directory; anything but exit 0 is a failure. */
    private Finished app(LocalOrg org, Path dataDirectory, List<String> jvmOptions, String... arguments)
            throws IOException {
        List<String> withData = new ArrayList<>(List.of("--data-dir", dataDirectory.toString()));
        withData.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(app.command(jvmOptions, withData));
        NOT_PASSED_ON.forEach(builder.environment()::remove);
        builder.environment().put(SECRET_VARIABLE, org.clientSecret());
        Path out = dataDirectory.resolve(arguments[0] + ".out");
        Path err = dataDirectory.resolve(arguments[0] + ".err");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process process = builder.start();
        try (ChildProcessMemory memory = new ChildProcessMemory(process)) {
            if (!process.waitFor(PATIENCE_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(SCENARIO + ": '" + String.join(" ", arguments) + "' did not end within "
                        + PATIENCE_MINUTES + " minutes");
            }
            if (process.exitValue() != 0) {
                List<String> said = Files.readAllLines(err, StandardCharsets.UTF_8);
                throw new IllegalStateException(
                        SCENARIO + ": '" + String.join(" ", arguments) + "' ended with exit code " + process.exitValue()
                                + (said.isEmpty() ? "" : ": " + said.get(said.size() - 1)));
            }
            return new Finished(Files.readString(out, StandardCharsets.UTF_8), memory.peakMb());
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(SCENARIO + " was interrupted", e);
        }
    }
}
