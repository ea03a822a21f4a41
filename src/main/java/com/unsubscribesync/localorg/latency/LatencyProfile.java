package com.unsubscribesync.localorg.latency;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long the org takes to answer each operation: a {@link CallCost} per operation (SOAP operation names such as
 * {@code query} or {@code updateMetadata}, Bulk requests as {@code bulk.addBatch} and so on), a cost for every
 * operation not named, and a jitter of ± a share of the cost. {@code zero} (the default) answers at once;
 * {@code typical} answers as a production org does seen from a desktop, from the public figures cited below (ADR
 * 0059). A custom profile is written inline, e.g. {@code query=300ms+0.25ms/row,default=200ms,jitter=10%}.
 *
 * <p>What each figure of {@code typical} rests on:
 *
 * <ul>
 *   <li>{@code create}, {@code delete}: a Data Loader measurement on a developer org (embeddedlinuxtestengineer.com,
 *       "Salesforce Data Loader and Duplicate Records Management"): 2,500 accounts inserted one per call took 24
 *       minutes (576 ms a call) and 200 per call 35 s (13 calls, 2.7 s each), so about 550 ms a call plus 10.5 ms a
 *       record; deleted, 18 minutes and 24 s, so about 430 ms plus 7 ms a record.
 *   <li>{@code update}, {@code upsert}, {@code merge}, {@code convertLead}: no public figure; estimated as
 *       {@code create}, which does the same save with its triggers and validation.
 *   <li>{@code query}, {@code queryAll}, {@code queryMore}: a small query answered "in less than 500 ms" through
 *       REST from Postman (jsforce issue #1221), so 300 ms a call; per row an estimate of 0.25 ms (a page of 2,000
 *       rows then takes about 0.8 s), since no public figure separates rows from the call.
 *   <li>{@code login}: as long as the query it preceded, "50% of the total request time" (restforce issue #171).
 *   <li>{@code describeSObjects}, {@code describeSObject}, {@code describeGlobal}: 50 describes take 1,700 to
 *       2,000 ms and the global describe 400 to 600 ms inside Apex (timeline-lwc issue #30), so about 40 ms an
 *       object and 500 ms, on top of the 300 ms call.
 *   <li>{@code retrieve}: "a high performance call" (Simon Fell, sforce blog, "Performance tips", 2005); estimated
 *       below {@code query} at 250 ms plus 0.25 ms a row.
 *   <li>{@code getUserInfo}, {@code getServerTimestamp}, the Bulk job and status requests: no public figure; an
 *       estimate of 200 to 250 ms, the round trip of the lightest call.
 *   <li>{@code bulk.processBatch} (the org's work on a batch, after the request that added it): Salesforce advises
 *       to start with 5,000 records a batch and grow it when a batch "takes a few seconds" (Bulk API Developer
 *       Guide, "Work with Batches"), so 500 ms plus 1 ms a record.
 *   <li>{@code bulk.processQuery} (the org's work on a query batch or PK chunk) and {@code bulk.queryResult}: no
 *       public figure; a batch must finish within the 2-minute query timeout ("How Bulk Queries Are Processed") and
 *       a chunk holds up to 250,000 records, so an estimate of 500 ms plus 0.02 ms a record (5.5 s for the largest
 *       chunk), and 250 ms plus 0.01 ms a row to send a result; the result list is a status request.
 *   <li>{@code readMetadata}, {@code updateMetadata}, {@code listMetadata}: no public figure; estimated at 500 ms
 *       plus 50 ms a component to read, 1,000 ms plus 300 ms a component to save, a save being a deployment.
 *   <li>Jitter ± 20 %: an estimate; the same query was seen to take from under 0.5 s to 3 s (jsforce issue #1221),
 *       so real spread is wider, but a benchmark compares runs and needs a spread that averages out.
 * </ul>
 */
public final class LatencyProfile {
    public static final String ZERO = "zero";
    public static final String TYPICAL = "typical";
    /** The operation name whose cost applies to every operation the profile does not name. */
    public static final String DEFAULT = "default";

    private static final Pattern COST =
            Pattern.compile("(?:([0-9]+(?:\\.[0-9]+)?)ms)?(?:\\+?([0-9]+(?:\\.[0-9]+)?)ms/row)?");
    private static final Pattern JITTER = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)%");

    private final String name;
    private final Map<String, CallCost> costs;
    private final CallCost otherwise;
    private final double jitter;
    private final boolean zero;

    private LatencyProfile(String name, Map<String, CallCost> costs, double jitter) {
        this.name = name;
        this.costs = Map.copyOf(costs);
        this.otherwise = costs.getOrDefault(DEFAULT, CallCost.FREE);
        this.jitter = jitter;
        this.zero = costs.values().stream().allMatch(CallCost.FREE::equals);
    }

    public static LatencyProfile zero() {
        return new LatencyProfile(ZERO, Map.of(), 0);
    }

    public static LatencyProfile typical() {
        Map<String, CallCost> costs = new LinkedHashMap<>();
        costs.put(DEFAULT, new CallCost(300, 0));
        costs.put("login", new CallCost(300, 0));
        for (String query : List.of("query", "queryAll", "queryMore")) {
            costs.put(query, new CallCost(300, 0.25));
        }
        costs.put("retrieve", new CallCost(250, 0.25));
        for (String save : List.of("create", "update", "upsert", "merge", "convertLead")) {
            costs.put(save, new CallCost(550, 10.5));
        }
        costs.put("delete", new CallCost(430, 7));
        costs.put("describeSObjects", new CallCost(300, 40));
        costs.put("describeSObject", new CallCost(300, 40));
        costs.put("describeGlobal", new CallCost(800, 0));
        costs.put("getUserInfo", new CallCost(200, 0));
        costs.put("getServerTimestamp", new CallCost(200, 0));
        costs.put("readMetadata", new CallCost(500, 50));
        costs.put("listMetadata", new CallCost(500, 0));
        costs.put("updateMetadata", new CallCost(1000, 300));
        costs.put("upsertMetadata", new CallCost(1000, 300));
        for (String request :
                List.of("bulk.createJob", "bulk.closeJob", "bulk.jobStatus", "bulk.batchStatus", "bulk.batchList")) {
            costs.put(request, new CallCost(250, 0));
        }
        costs.put("bulk.addBatch", new CallCost(300, 0.05));
        costs.put("bulk.batchResult", new CallCost(250, 0.02));
        costs.put("bulk.batchRequest", new CallCost(250, 0.02));
        costs.put("bulk.processBatch", new CallCost(500, 1));
        costs.put("bulk.queryResultList", new CallCost(250, 0));
        costs.put("bulk.queryResult", new CallCost(250, 0.01));
        costs.put("bulk.processQuery", new CallCost(500, 0.02));
        return new LatencyProfile(TYPICAL, costs, 0.20);
    }

    /**
     * A profile by name ({@code zero}, {@code typical}) or written inline as {@code operation=COST,…} with COST
     * {@code 150ms}, {@code 0.1ms/row} or {@code 150ms+0.1ms/row}, an optional {@code default=COST} for every
     * operation not named, and an optional {@code jitter=20%}.
     *
     * @throws IllegalArgumentException naming the choices, for anything else
     */
    public static LatencyProfile parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        if (text.equalsIgnoreCase(ZERO)) {
            return zero();
        }
        if (text.equalsIgnoreCase(TYPICAL)) {
            return typical();
        }
        if (!text.contains("=")) {
            throw refused(spec, "it is not a profile");
        }
        Map<String, CallCost> costs = new LinkedHashMap<>();
        double jitter = 0;
        for (String raw : text.split(",")) {
            String item = raw.trim();
            int equals = item.indexOf('=');
            if (equals <= 0) {
                throw refused(spec, "'" + item + "' is not operation=COST");
            }
            String operation = item.substring(0, equals).trim();
            String value = item.substring(equals + 1).trim().toLowerCase(Locale.ROOT);
            if (operation.equalsIgnoreCase("jitter")) {
                Matcher m = JITTER.matcher(value);
                if (!m.matches() || Double.parseDouble(m.group(1)) >= 100) {
                    throw refused(spec, "give the jitter as a share below 100%, e.g. jitter=20%");
                }
                jitter = Double.parseDouble(m.group(1)) / 100;
            } else {
                Matcher m = COST.matcher(value);
                if (value.isEmpty() || !m.matches()) {
                    throw refused(spec, "'" + item + "' has no cost such as 150ms, 0.1ms/row or 150ms+0.1ms/row");
                }
                costs.put(operation, new CallCost(millis(m.group(1)), millis(m.group(2))));
            }
        }
        return new LatencyProfile(text, costs, jitter);
    }

    private static double millis(String group) {
        return group == null ? 0 : Double.parseDouble(group);
    }

    private static IllegalArgumentException refused(String spec, String why) {
        return new IllegalArgumentException("latency profile '" + spec + "' is refused (" + why + "): use " + ZERO
                + ", " + TYPICAL + " or a list such as query=300ms+0.25ms/row,default=200ms,jitter=20%");
    }

    public String name() {
        return name;
    }

    public boolean isZero() {
        return zero;
    }

    public CallCost cost(String operation) {
        return costs.getOrDefault(operation, otherwise);
    }

    /**
     * The delay of one call, before jitter and after: {@code unit} in [0, 1) moves it from {@code 1 - jitter} to
     * {@code 1 + jitter} times the cost.
     */
    public Duration delay(String operation, int rows, double unit) {
        double millis = cost(operation).millis(rows) * (1 + jitter * (2 * unit - 1));
        return Duration.ofNanos(Math.round(millis * 1_000_000));
    }

    @Override
    public String toString() {
        return name;
    }
}
