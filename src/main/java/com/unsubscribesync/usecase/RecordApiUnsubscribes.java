package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.ApiKeyRepository;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * The unsubscribes of one intake API request, recorded together as {@code Manual} by {@code api:KEY NAME} (ADR 0061),
 * then the key's use counted.
 */
public final class RecordApiUnsubscribes {
    private final UnsubscribeRepository unsubscribes;
    private final ApiKeyRepository keys;
    private final Clock clock;
    private final PusherWake pusher;

    public RecordApiUnsubscribes(
            UnsubscribeRepository unsubscribes, ApiKeyRepository keys, Clock clock, PusherWake pusher) {
        this.unsubscribes = unsubscribes;
        this.keys = keys;
        this.clock = clock;
        this.pusher = pusher;
    }

    /** @param alreadyUnsubscribed sent, but unsubscribed before (or twice in the request): left as they were */
    public record Recorded(int received, long added, long alreadyUnsubscribed) {}

    /** Returns once all of them are committed; when the write fails, none is. */
    public Recorded record(ApiCaller caller, List<ApiUnsubscribe> requested) {
        Instant at = clock.instant();
        List<Unsubscribe> rows = requested.stream()
                .map(one -> new Unsubscribe(one.email(), at, UnsubscribeSource.MANUAL, caller.actor(), one.reason()))
                .toList();
        long added = unsubscribes.addTogether(rows).stream()
                .filter(Boolean::booleanValue)
                .count();
        // After the commit, in a transaction of its own: a use count that misses one is better than a refused write.
        keys.recordUse(caller.keyId(), at);
        if (added > 0) {
            pusher.wake();
        }
        return new Recorded(rows.size(), added, rows.size() - added);
    }
}
