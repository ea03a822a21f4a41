package com.unsubscribesync.intake;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the intake listens and what it takes.
 *
 * @param trustedProxies peers whose {@code X-Forwarded-For} names the client (a reverse proxy in front)
 * @param perMinute      requests one client (and one API key) may make a minute on average, in bursts of up to a
 *                       third of it
 * @param queue          unsubscribes waiting for the store before new ones get 503
 * @param answerWithin   how long a click waits for its write before it gets 503 and is sent again later
 * @param tls            the certificate to serve HTTPS with; plain HTTP without
 */
public record IntakeSettings(
        InetSocketAddress address,
        Set<InetAddress> trustedProxies,
        int maxBodyBytes,
        int perMinute,
        int queue,
        int writers,
        Duration answerWithin,
        Optional<IntakeCertificate> tls) {
    public static final int MAX_BODY_BYTES = 4096;
    public static final int PER_MINUTE = 60;
    /** A burst of 10 000 clicks in a second waits here whole: a waiting click costs its connection, no thread. */
    public static final int QUEUE = 10_000;
    /**
     * One writer: H2 commits one at a time and each commit writes every page changed since the last, so a second
     * writer's transaction only made each commit larger (ADR 0072); one writer's groups grow with the backlog.
     */
    public static final int WRITERS = 1;
    /** The most one {@code POST /api/unsubscribes} may send: its body, and the unsubscribes in it. */
    public static final int API_MAX_BODY_BYTES = 256 * 1024;

    public static final int API_MAX_UNSUBSCRIBES = 1000;

    public IntakeSettings {
        trustedProxies = Set.copyOf(trustedProxies);
    }

    public static IntakeSettings on(InetSocketAddress address) {
        return new IntakeSettings(
                address,
                Set.of(),
                MAX_BODY_BYTES,
                PER_MINUTE,
                QUEUE,
                WRITERS,
                Duration.ofSeconds(20),
                Optional.empty());
    }

    public IntakeSettings withTrustedProxies(Set<InetAddress> proxies) {
        return new IntakeSettings(address, proxies, maxBodyBytes, perMinute, queue, writers, answerWithin, tls);
    }

    public IntakeSettings withPerMinute(int requests) {
        return new IntakeSettings(address, trustedProxies, maxBodyBytes, requests, queue, writers, answerWithin, tls);
    }

    public IntakeSettings withQueue(int waiting, int writerThreads) {
        return new IntakeSettings(
                address, trustedProxies, maxBodyBytes, perMinute, waiting, writerThreads, answerWithin, tls);
    }

    public IntakeSettings withTls(IntakeCertificate certificate) {
        return new IntakeSettings(
                address,
                trustedProxies,
                maxBodyBytes,
                perMinute,
                queue,
                writers,
                answerWithin,
                Optional.of(certificate));
    }
}
