package com.unsubscribesync.localorg;

import com.unsubscribesync.localorg.latency.LatencyProfile;
import com.unsubscribesync.localorg.soap.ApiUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How to start a local org. Defaults: a random port, 2 000 people from seed 1, the Marketo Sales Insight package
 * installed, 100 000 API calls a day, in memory, no faults, plain http, two-hour sessions, the system clock, no
 * latency.
 */
public record LocalOrgOptions(
        int port,
        int people,
        long seed,
        boolean withPackage,
        int apiLimit,
        Path stateDir,
        String faults,
        boolean tls,
        Duration sessionTimeout,
        Clock clock,
        LatencyProfile latency) {

    public LocalOrgOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (people < 0) {
            throw new IllegalArgumentException("people must be 0 or more, not " + people);
        }
        if (apiLimit < 0) {
            throw new IllegalArgumentException("the API limit must be 0 or more, not " + apiLimit);
        }
        if (sessionTimeout.isNegative() || sessionTimeout.isZero()) {
            throw new IllegalArgumentException("the session timeout must be positive");
        }
        faults = faults == null ? "" : faults;
        latency = latency == null ? LatencyProfile.zero() : latency;
    }

    public static LocalOrgOptions defaults() {
        return new LocalOrgOptions(
                0,
                2000,
                1L,
                true,
                ApiUsage.DEFAULT_DAILY_LIMIT,
                null,
                "",
                false,
                Duration.ofHours(2),
                Clock.systemUTC(),
                LatencyProfile.zero());
    }

    public LocalOrgOptions withPort(int value) {
        return with(draft -> draft.port = value);
    }

    public LocalOrgOptions withPeople(int value) {
        return with(draft -> draft.people = value);
    }

    public LocalOrgOptions withSeed(long value) {
        return with(draft -> draft.seed = value);
    }

    public LocalOrgOptions withPackage(boolean value) {
        return with(draft -> draft.withPackage = value);
    }

    public LocalOrgOptions withApiLimit(int value) {
        return with(draft -> draft.apiLimit = value);
    }

    /** Persist the org in its own H2 file under this directory (null keeps it in memory). */
    public LocalOrgOptions withStateDir(Path value) {
        return with(draft -> draft.stateDir = value);
    }

    public LocalOrgOptions withFaults(String value) {
        return with(draft -> draft.faults = value);
    }

    public LocalOrgOptions withTls(boolean value) {
        return with(draft -> draft.tls = value);
    }

    public LocalOrgOptions withSessionTimeout(Duration value) {
        return with(draft -> draft.sessionTimeout = value);
    }

    public LocalOrgOptions withClock(Clock value) {
        return with(draft -> draft.clock = value);
    }

    /** How long the org takes to answer each call (ADR 0059); {@code zero} by default. */
    public LocalOrgOptions withLatency(LatencyProfile value) {
        return with(draft -> draft.latency = value);
    }

    /** A copy with one option changed, checked as a new one is. */
    private LocalOrgOptions with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return new LocalOrgOptions(
                draft.port,
                draft.people,
                draft.seed,
                draft.withPackage,
                draft.apiLimit,
                draft.stateDir,
                draft.faults,
                draft.tls,
                draft.sessionTimeout,
                draft.clock,
                draft.latency);
    }

    private static final class Draft {
        int port;
        int people;
        long seed;
        boolean withPackage;
        int apiLimit;
        Path stateDir;
        String faults;
        boolean tls;
        Duration sessionTimeout;
        Clock clock;
        LatencyProfile latency;

        Draft(LocalOrgOptions options) {
            port = options.port;
            people = options.people;
            seed = options.seed;
            withPackage = options.withPackage;
            apiLimit = options.apiLimit;
            stateDir = options.stateDir;
            faults = options.faults;
            tls = options.tls;
            sessionTimeout = options.sessionTimeout;
            clock = options.clock;
            latency = options.latency;
        }
    }

    public Optional<Path> state() {
        return Optional.ofNullable(stateDir);
    }
}
