package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.LayoutPermissions;
import com.unsubscribesync.salesforce.ListedLayout;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceLayouts;
import com.unsubscribesync.salesforce.SalesforceOrg;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the layout wizard and the status read from an org — describe, the user's permissions, the layout listing,
 * layout documents, whether it is a sandbox — kept for {@link PageLayouts#KEEP}, so opening the wizard, changing a
 * setting or looking again costs no API call (ADR 0034). The rule: an explicit check ({@link #forget()}) reads
 * everything again; a write reads the layouts it changes just before and just after, and those reads replace
 * the kept ones; another org forgets everything. Whether an org is a sandbox never changes and is kept for good.
 */
public final class LayoutReadCache {
    private final Clock clock;
    private final Duration keep;
    private String organizationId = "";
    private final Map<OptOutFieldRequest, Kept<FieldCheck>> describes = new HashMap<>();
    private Kept<Optional<LayoutPermissions>> permissions;
    private Kept<Map<SObjectType, List<ListedLayout>>> listing;
    private final Map<String, Kept<Optional<PageLayout>>> documents = new HashMap<>();
    private final Map<String, Optional<Boolean>> sandboxes = new HashMap<>();

    private record Kept<T>(T value, Instant readAt) {}

    public LayoutReadCache(Clock clock, Duration keep) {
        this.clock = clock;
        this.keep = keep;
    }

    /** Forgets every kept read (not whether an org is a sandbox): the next reads ask the org. */
    public synchronized void forget() {
        describes.clear();
        permissions = null;
        listing = null;
        documents.clear();
    }

    /**
     * Forgets describe and the user's permissions but keeps the layouts: for a status, which must show a right or a
     * field-level security change made in Setup at once, while layouts are seen by an explicit check.
     */
    public synchronized void forgetRights() {
        describes.clear();
        permissions = null;
    }

    /** The org read through this cache. */
    public Reads on(LayoutOrg org) {
        return new Reads(org);
    }

    private synchronized void sameOrg(SalesforceOrg org) {
        String id = org.identity().organizationId();
        if (!id.equals(organizationId)) {
            forget();
            organizationId = id;
        }
    }

    private boolean fresh(Kept<?> kept) {
        return kept != null && !kept.readAt().plus(keep).isBefore(clock.instant());
    }

    /** One org's reads, each answered from the cache while fresh. */
    public final class Reads {
        private final SalesforceOrg org;
        private final SalesforceLayouts layouts;

        private Reads(LayoutOrg org) {
            this.org = org.records();
            this.layouts = org.layouts();
            sameOrg(this.org);
        }

        public SalesforceOrg org() {
            return org;
        }

        public FieldCheck checkField(OptOutFieldRequest request) {
            synchronized (LayoutReadCache.this) {
                Kept<FieldCheck> kept = describes.get(request);
                if (fresh(kept)) {
                    return kept.value();
                }
                FieldCheck check = org.checkField(request);
                describes.put(request, new Kept<>(check, clock.instant()));
                return check;
            }
        }

        /** The user's permissions, or empty when the org would not say (the Metadata API then answers itself). */
        public Optional<LayoutPermissions> permissions() {
            synchronized (LayoutReadCache.this) {
                if (fresh(permissions)) {
                    return permissions.value();
                }
                Optional<LayoutPermissions> read;
                try {
                    read = Optional.of(layouts.layoutPermissions());
                } catch (SalesforceException e) {
                    if (e.kind() != SalesforceException.Kind.REFUSED) {
                        throw e;
                    }
                    read = Optional.empty();
                }
                permissions = new Kept<>(read, clock.instant());
                return read;
            }
        }

        /** The page layouts of the object, from one listing of both objects. */
        public List<ListedLayout> listLayouts(SObjectType type) {
            synchronized (LayoutReadCache.this) {
                if (!fresh(listing)) {
                    listing = new Kept<>(layouts.listLayouts(EnumSet.allOf(SObjectType.class)), clock.instant());
                }
                return listing.value().getOrDefault(type, List.of());
            }
        }

        /** The layouts as kept, reading those not kept (or too old) in one go; a name the org would not return is left out. */
        public List<PageLayout> readLayouts(List<String> fullNames) {
            synchronized (LayoutReadCache.this) {
                List<String> unknown = fullNames.stream()
                        .filter(name -> !fresh(documents.get(name)))
                        .toList();
                if (!unknown.isEmpty()) {
                    remember(unknown, layouts.readLayouts(unknown));
                }
                List<PageLayout> layouts = new ArrayList<>();
                fullNames.forEach(name -> documents.get(name).value().ifPresent(layouts::add));
                return layouts;
            }
        }

        /** Reads the layouts from the org whatever is kept (just before a write), and keeps what it read. */
        public List<PageLayout> readLayoutsNow(List<String> fullNames) {
            List<PageLayout> read = layouts.readLayouts(fullNames);
            synchronized (LayoutReadCache.this) {
                remember(fullNames, read);
            }
            return read;
        }

        /** Whether the org is a sandbox; empty when the org would not say. */
        public Optional<Boolean> sandbox() {
            synchronized (LayoutReadCache.this) {
                Optional<Boolean> known = sandboxes.get(organizationId);
                if (known == null) {
                    try {
                        known = org.isSandbox();
                    } catch (SalesforceException e) {
                        if (e.kind() != SalesforceException.Kind.REFUSED) {
                            return Optional.empty();
                        }
                        known = Optional.empty();
                    }
                    sandboxes.put(organizationId, known);
                }
                return known;
            }
        }

        private void remember(List<String> asked, List<PageLayout> read) {
            Instant now = clock.instant();
            asked.forEach(name -> documents.put(name, new Kept<>(Optional.empty(), now)));
            read.forEach(layout -> documents.put(layout.fullName(), new Kept<>(Optional.of(layout), now)));
        }
    }
}
