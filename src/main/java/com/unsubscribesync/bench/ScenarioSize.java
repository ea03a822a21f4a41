package com.unsubscribesync.bench;

import java.util.Optional;

/**
 * How big to make the scenarios.
 *
 * @param people         people in the org (and unsubscribes for {@code list}); empty takes each scenario's default
 * @param changedPercent share of the people changed before {@code incremental}
 * @param burst          unsubscribes recorded within one second in {@code burst}
 * @param callsInFlight  the engine's setting "calls in flight"; empty keeps the app's default
 */
public record ScenarioSize(
        Optional<Integer> people, double changedPercent, int burst, Optional<Integer> callsInFlight) {

    public ScenarioSize(Optional<Integer> people, double changedPercent, int burst) {
        this(people, changedPercent, burst, Optional.empty());
    }
}
