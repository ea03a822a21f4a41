package com.unsubscribesync.localorg.faults;

import com.unsubscribesync.localorg.state.OrgState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * The faults the org injects, changeable while it runs. Random choices come from one generator seeded at start,
 * so a single client making the same calls meets the same faults.
 */
public final class Faults {
    private final Random random;
    private final IntConsumer dailyApiLimit;
    private final OrgState state;
    private final List<FaultRule.RecordError> recordErrors = new ArrayList<>();
    private int sessionExpiryEvery;
    /** Calls presented so far by each live session, while sessions expire every n calls. */
    private final Map<String, Integer> sessionCalls = new HashMap<>();

    private Duration latency = Duration.ZERO;
    private double maintenanceRate;
    private double dropRate;
    /** Layout saves still accepted before the Metadata API goes down; negative while no outage is planned. */
    private int layoutSavesBeforeOutage = -1;

    /** @param dailyApiLimit sets how many API calls the org allows a day */
    public Faults(long seed, IntConsumer dailyApiLimit, OrgState state) {
        this.random = new Random(seed);
        this.dailyApiLimit = dailyApiLimit;
        this.state = state;
    }

    /** Adds the rules of a spec in the {@code --faults} syntax. */
    public Faults apply(String spec) {
        FaultSpec.parse(spec).forEach(this::apply);
        return this;
    }

    public synchronized Faults apply(FaultRule rule) {
        if (rule instanceof FaultRule.RecordError error) {
            recordErrors.removeIf(e ->
                    e.operation().equals(error.operation()) && e.statusCode().equals(error.statusCode()));
            recordErrors.add(error);
        } else if (rule instanceof FaultRule.SessionExpiry expiry) {
            sessionExpiryEvery = expiry.everyCalls();
            sessionCalls.clear();
        } else if (rule instanceof FaultRule.Latency delay) {
            latency = delay.delay();
        } else if (rule instanceof FaultRule.MaintenancePage page) {
            maintenanceRate = page.rate();
        } else if (rule instanceof FaultRule.DroppedConnection drop) {
            dropRate = drop.rate();
        } else if (rule instanceof FaultRule.MetadataOutageAfterSaves outage) {
            layoutSavesBeforeOutage = outage.saves();
        } else if (rule instanceof FaultRule.DailyApiLimit limit) {
            dailyApiLimit.accept(limit.limit());
        } else if (rule instanceof FaultRule.FieldSecurityRule fls) {
            state.fieldSecurity().inject(fls.object(), fls.field(), fls.access());
        } else if (rule instanceof FaultRule.PermissionRule permission) {
            state.directory().inject(permission.permission(), permission.granted());
        } else if (rule instanceof FaultRule.ObjectAccessRule object) {
            state.objectSecurity().inject(object.object(), object.access());
        }
        return this;
    }

    public Faults failRecords(String operation, String statusCode, double rate) {
        return apply(new FaultRule.RecordError(operation, statusCode, rate));
    }

    public Faults expireSessionEvery(int calls) {
        return apply(new FaultRule.SessionExpiry(calls));
    }

    public Faults latency(Duration delay) {
        return apply(new FaultRule.Latency(delay));
    }

    public Faults maintenancePage(double rate) {
        return apply(new FaultRule.MaintenancePage(rate));
    }

    public Faults dropConnections(double rate) {
        return apply(new FaultRule.DroppedConnection(rate));
    }

    public Faults dailyApiLimit(int limit) {
        return apply(new FaultRule.DailyApiLimit(limit));
    }

    /**
     * Removes the injected faults (record errors, expiry, latency, pages, drops, field security, permissions,
     * object access); limits stay.
     */
    public synchronized Faults clear() {
        state.fieldSecurity().clearInjected();
        state.directory().clearInjected();
        state.objectSecurity().clearInjected();
        recordErrors.clear();
        sessionExpiryEvery = 0;
        sessionCalls.clear();
        latency = Duration.ZERO;
        maintenanceRate = 0;
        dropRate = 0;
        layoutSavesBeforeOutage = -1;
        return this;
    }

    public Faults metadataOutageAfterSaves(int saves) {
        return apply(new FaultRule.MetadataOutageAfterSaves(saves));
    }

    /** Whether the Metadata API is down for maintenance now. */
    public synchronized boolean metadataDown() {
        return layoutSavesBeforeOutage == 0;
    }

    /** Counts a page layout saved, towards a planned Metadata outage. */
    public synchronized void layoutSaved() {
        if (layoutSavesBeforeOutage > 0) {
            layoutSavesBeforeOutage--;
        }
    }

    public synchronized Duration latency() {
        return latency;
    }

    /** Decides what happens to the next incoming SOAP call as a whole. */
    public synchronized CallFault nextCall() {
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            return CallFault.DROPPED_CONNECTION;
        }
        if (maintenanceRate > 0 && random.nextDouble() < maintenanceRate) {
            return CallFault.MAINTENANCE_PAGE;
        }
        return CallFault.NONE;
    }

    /**
     * Whether this live session is found expired on the call it presents now: its n-th call is. Calls are counted
     * per session, as Salesforce times out each session on its own, so the calls of other sessions never shorten
     * it, and the call that a client retries right after renewing is the first of a new session, which never
     * expires on it.
     */
    public synchronized boolean sessionExpiresNow(String sessionId) {
        if (sessionExpiryEvery <= 0) {
            return false;
        }
        int calls = sessionCalls.merge(sessionId, 1, Integer::sum);
        if (calls < sessionExpiryEvery) {
            return false;
        }
        sessionCalls.remove(sessionId);
        return true;
    }

    /** The status code one record of an operation fails with, if an injected error strikes it. */
    public synchronized Optional<String> recordError(String operation) {
        for (FaultRule.RecordError error : recordErrors) {
            if (error.operation().equals(operation) && random.nextDouble() < error.rate()) {
                return Optional.of(error.statusCode());
            }
        }
        return Optional.empty();
    }
}
