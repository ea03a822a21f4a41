package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.ConflictKind;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.store.Conflict;
import com.unsubscribesync.store.ConflictRepository;
import com.unsubscribesync.sync.ConflictResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The conflict inbox: what is open, resolving (resolve, dismiss, link to a record) and taking an action back. An
 * action that queues a push wakes the pusher.
 */
public final class ResolveConflict {
    /** The actions after which an opt-out waits in the outbox. */
    private static final Set<String> QUEUE_A_PUSH = Set.of("keep-unsubscribed", "retry", "link", "relink");

    private final ConflictRepository conflicts;
    private final ConflictResolver resolver;
    private final String actor;
    private final PusherWake pusher;

    public ResolveConflict(ConflictRepository conflicts, ConflictResolver resolver, String actor, PusherWake pusher) {
        this.conflicts = conflicts;
        this.resolver = resolver;
        this.actor = actor;
        this.pusher = pusher;
    }

    /** The actions of the product's table for a kind, by key. */
    public static List<String> actions(ConflictKind kind) {
        return ConflictResolver.actions(kind);
    }

    public List<Conflict> open(Optional<ConflictKind> kind, int limit) {
        return conflicts.open(kind, limit);
    }

    public Map<ConflictKind, Long> openCountsByKind() {
        return conflicts.openCountsByKind();
    }

    public List<Conflict> recentlyResolved(int limit) {
        return conflicts.recentlyResolved(limit);
    }

    /**
     * Resolves one conflict with one of its actions.
     *
     * @param record a Lead or Contact id, for link and relink
     * @param reason why, for a resubscribe
     */
    public ConflictResolver.Resolved resolve(long id, String action, Optional<String> record, Optional<String> reason) {
        ConflictResolver.Resolved done = resolver.resolve(id, action, record, reason, actor);
        queued(action);
        return done;
    }

    private void queued(String action) {
        if (QUEUE_A_PUSH.contains(action)) {
            pusher.wake();
        }
    }

    /** What one action on several conflicts did: those resolved, and why the others were not. */
    public record Outcome(List<ConflictResolver.Resolved> done, Map<Long, String> refused) {}

    /** The same action on each conflict; one that cannot take it stays open, with the reason. */
    public Outcome resolveEach(List<Long> ids, String action, Optional<String> record, Optional<String> reason) {
        List<ConflictResolver.Resolved> done = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        for (long id : ids) {
            try {
                done.add(resolver.resolve(id, action, record, reason, actor));
            } catch (IllegalArgumentException | IllegalStateException e) {
                refused.put(id, e.getMessage());
            }
        }
        if (!done.isEmpty()) {
            queued(action);
        }
        return new Outcome(done, refused);
    }

    /** Takes an action back: the conflict is pending again exactly as it was. */
    public void undo(ConflictResolver.Resolved resolved) {
        resolver.undo(resolved);
    }

    /** Leads and Contacts to link a conflict to, found by name or address. */
    public List<PersonMatch> findRecords(String text) {
        return resolver.findRecords(text);
    }

    /** The record of a typed id, checked in Salesforce. */
    public PersonMatch checkRecord(String typed) {
        return resolver.checkRecord(typed);
    }

    public String recordUrl(SalesforceId id) {
        return resolver.recordUrl(id);
    }
}
