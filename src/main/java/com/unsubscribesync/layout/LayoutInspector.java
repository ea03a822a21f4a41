package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.LayoutPermissions;
import com.unsubscribesync.salesforce.ListedLayout;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.salesforce.OrgIdentity;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceOrg;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads, for Contact and Lead, the chosen field's field-level security, every page layout (names from
 * {@code listMetadata}) and whether the field is on each, plus the user's permission to change layouts, whether
 * the org is a sandbox, and what the reading cost in API calls.
 */
public final class LayoutInspector {
    static final String INSUFFICIENT_ACCESS = "INSUFFICIENT_ACCESS";

    private final Clock clock;

    public LayoutInspector(Clock clock) {
        this.clock = clock;
    }

    /** Inspects both objects; a user without the Metadata API permission gets the field without its layouts. */
    public Inspection inspect(LayoutOrg org, SyncSettings settings) {
        return inspect(org, settings, org.records().checkField(request(settings)));
    }

    /** As {@link #inspect(LayoutOrg, SyncSettings)}, reusing a describe the caller already made. */
    public Inspection inspect(LayoutOrg org, SyncSettings settings, FieldCheck check) {
        return inspect(
                new LayoutReadCache(clock, java.time.Duration.ofDays(1)).on(org),
                settings,
                check,
                org.records().callsMade(),
                false);
    }

    /**
     * Inspects both objects through the cache: one describe, one permission query, one listing of both objects'
     * layouts and one read per ten layouts when nothing is kept; nothing when all is.
     *
     * @param askSandbox whether to learn (once per org) if the org is a sandbox, for confirming a change
     */
    public Inspection inspect(LayoutReadCache.Reads reads, SyncSettings settings, boolean askSandbox) {
        long before = reads.org().callsMade();
        return inspect(reads, settings, reads.checkField(request(settings)), before, askSandbox);
    }

    private Inspection inspect(
            LayoutReadCache.Reads reads, SyncSettings settings, FieldCheck check, long before, boolean askSandbox) {
        SalesforceOrg org = reads.org();
        OrgIdentity identity = org.identity();
        SetupLinks links = new SetupLinks(identity.instanceUrl());
        Optional<LayoutPermissions> permissions = reads.permissions();
        boolean tryLayouts = permissions.map(LayoutPermissions::canReadLayouts).orElse(true);
        Optional<Map<SObjectType, List<LayoutState>>> layouts =
                tryLayouts ? layouts(reads, check, settings, links) : Optional.empty();
        List<ObjectLayouts> objects = new ArrayList<>();
        for (SObjectType type : List.of(SObjectType.CONTACT, SObjectType.LEAD)) {
            FieldOnObject field = FieldOnObject.from(check, type, settings);
            Optional<List<LayoutState>> ofType = layouts.map(all -> all.get(type));
            if (ofType.isPresent() && ofType.get().stream().anyMatch(LayoutState::present)) {
                field = field.hiddenAfterAll();
            }
            objects.add(new ObjectLayouts(
                    type,
                    field.label(),
                    field.apiName(),
                    field.visibility(),
                    ofType.isPresent(),
                    ofType.orElse(List.of()),
                    problem(field, ofType, identity),
                    links.pageLayouts(type)));
        }
        boolean readable = objects.stream().allMatch(ObjectLayouts::layoutsReadable);
        LayoutRights rights = permissions
                .map(p -> new LayoutRights(
                        p.canModifyLayouts() && readable,
                        p.modifyAllData(),
                        p.modifyMetadata(),
                        p.customizeApplication(),
                        identity.userName()))
                .orElseGet(() -> new LayoutRights(readable, false, false, false, identity.userName()));
        Optional<Boolean> sandbox = askSandbox ? reads.sandbox() : Optional.empty();
        return new Inspection(
                clock.instant(),
                identity.organizationName(),
                rights,
                objects,
                identity.instanceUrl(),
                sandbox,
                Math.max(0, org.callsMade() - before));
    }

    static OptOutFieldRequest request(SyncSettings settings) {
        return OptOutFieldRequest.of(settings);
    }

    /**
     * Every layout of both objects with the field's place on it, read together; empty when the Metadata API
     * refuses the user.
     */
    private static Optional<Map<SObjectType, List<LayoutState>>> layouts(
            LayoutReadCache.Reads reads, FieldCheck check, SyncSettings settings, SetupLinks links) {
        try {
            Map<SObjectType, List<ListedLayout>> listed = new java.util.EnumMap<>(SObjectType.class);
            for (SObjectType type : List.of(SObjectType.CONTACT, SObjectType.LEAD)) {
                listed.put(type, reads.listLayouts(type));
            }
            Map<String, PageLayout> read = reads
                    .readLayouts(listed.values().stream()
                            .flatMap(List::stream)
                            .map(ListedLayout::fullName)
                            .toList())
                    .stream()
                    .collect(Collectors.toMap(PageLayout::fullName, Function.identity(), (a, b) -> a));
            Map<SObjectType, List<LayoutState>> states = new java.util.EnumMap<>(SObjectType.class);
            listed.forEach((type, ofType) -> {
                Optional<String> apiName =
                        FieldOnObject.from(check, type, settings).apiName();
                List<LayoutState> rows = new ArrayList<>();
                for (ListedLayout layout : ofType) {
                    Optional<PageLayout> whole = Optional.ofNullable(read.get(layout.fullName()));
                    Optional<PageLayout.Item> item = whole.flatMap(l -> apiName.flatMap(l::itemFor));
                    rows.add(new LayoutState(
                            layout.fullName(),
                            layout.label(),
                            item.isPresent(),
                            item.flatMap(PageLayout.Item::behavior),
                            links.pageLayout(type, layout.id()),
                            whole.isPresent()));
                }
                states.put(type, rows);
            });
            return Optional.of(states);
        } catch (SalesforceException e) {
            if (isPermissionRefusal(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    static boolean isPermissionRefusal(SalesforceException e) {
        return e.kind() == SalesforceException.Kind.REFUSED
                && e.statusCode()
                        .filter(code -> code.startsWith(INSUFFICIENT_ACCESS))
                        .isPresent();
    }

    private static Optional<String> problem(
            FieldOnObject field, Optional<List<LayoutState>> layouts, OrgIdentity identity) {
        if (field.problem().isPresent()) {
            return field.problem();
        }
        String object = field.object().apiName();
        if (layouts.isEmpty()) {
            return Optional.of("The page layouts could not be checked: " + identity.userName() + " needs Modify All "
                    + "Data or Modify Metadata Through Metadata API Functions to read them; ask a Salesforce admin.");
        }
        List<LayoutState> unreadable =
                layouts.get().stream().filter(l -> !l.readable()).toList();
        List<LayoutState> missing =
                layouts.get().stream().filter(l -> l.readable() && !l.present()).toList();
        List<String> sentences = new ArrayList<>();
        if (!missing.isEmpty()) {
            sentences.add(field.label() + " is missing from " + missing.size() + " of "
                    + layouts.get().size() + " " + object + " page layouts (" + names(missing)
                    + "): add it in Setup or let the app add it.");
        }
        if (!unreadable.isEmpty()) {
            sentences.add("Salesforce listed " + unreadable.size() + " " + object + " page layout"
                    + (unreadable.size() == 1 ? "" : "s") + " it would not return (" + names(unreadable) + "), so "
                    + "whether the field is on " + (unreadable.size() == 1 ? "it" : "them") + " is unknown: check "
                    + (unreadable.size() == 1 ? "it" : "them") + " in Setup.");
        }
        return sentences.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", sentences));
    }

    private static String names(List<LayoutState> layouts) {
        return layouts.stream().map(LayoutState::label).collect(Collectors.joining(", "));
    }
}
