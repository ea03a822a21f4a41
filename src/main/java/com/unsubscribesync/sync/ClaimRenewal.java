package com.unsubscribesync.sync;

import com.unsubscribesync.store.OutboxRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a node's outbox claims while its pass lasts: a pass against a slow org can outlast one lease, and a claim
 * that lapsed mid-pass would let another node push the same entries again. A node that dies stops renewing.
 */
final class ClaimRenewal implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ClaimRenewal.class);
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "outbox-claim-renewal");
        thread.setDaemon(true);
        return thread;
    });

    ClaimRenewal(OutboxRepository outbox, String node, Duration lease, Clock clock) {
        long every = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(
                () -> {
                    try {
                        outbox.renewClaims(node, clock.instant().plus(lease));
                    } catch (RuntimeException e) {
                        LOG.warn("Could not renew this node's outbox claims; trying again", e);
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
