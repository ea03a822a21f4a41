package com.unsubscribesync.localorg;

import com.unsubscribesync.localorg.latency.LatencyProfile;
import com.unsubscribesync.localorg.soap.ApiUsage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

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
        return new LocalOrgOptions(
                value, people, seed, withPackage, apiLimit, stateDir, faults, tls, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withPeople(int value) {
        return new LocalOrgOptions(
                port, value, seed, withPackage, apiLimit, stateDir, faults, tls, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withSeed(long value) {
        return new LocalOrgOptions(
                port, people, value, withPackage, apiLimit, stateDir, faults, tls, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withPackage(boolean value) {
        return new LocalOrgOptions(
                port, people, seed, value, apiLimit, stateDir, faults, tls, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withApiLimit(int value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, value, stateDir, faults, tls, sessionTimeout, clock, latency);
    }

    /** Persist the org in its own H2 file under this directory (null keeps it in memory). */
    public LocalOrgOptions withStateDir(Path value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, apiLimit, value, faults, tls, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withFaults(String value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, apiLimit, stateDir, value, tls, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withTls(boolean value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, apiLimit, stateDir, faults, value, sessionTimeout, clock, latency);
    }

    public LocalOrgOptions withSessionTimeout(Duration value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, apiLimit, stateDir, faults, tls, value, clock, latency);
    }

    public LocalOrgOptions withClock(Clock value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, apiLimit, stateDir, faults, tls, sessionTimeout, value, latency);
    }

    /** How long the org takes to answer each call (ADR 0059); {@code zero} by default. */
    public LocalOrgOptions withLatency(LatencyProfile value) {
        return new LocalOrgOptions(
                port, people, seed, withPackage, apiLimit, stateDir, faults, tls, sessionTimeout, clock, value);
    }

    public Optional<Path> state() {
        return Optional.ofNullable(stateDir);
    }
}
