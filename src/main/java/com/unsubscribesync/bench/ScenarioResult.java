package com.unsubscribesync.bench;

import java.util.Map;

/**
 * One scenario's figures: API calls against the theoretical minimum, wall time against the bare force-wsc (or bare
 * JDBC) baseline doing the same work, the peak heap, and whatever else the scenario measures.
 */
public record ScenarioResult(
        String scenario,
        long apiCalls,
        long minApiCalls,
        double wallMs,
        double baselineWallMs,
        long peakHeapMb,
        Map<String, Object> details) {}
