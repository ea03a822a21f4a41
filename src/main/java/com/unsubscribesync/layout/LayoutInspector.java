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
 * {@code listMetadata}) and whether the field is on each, plus the user's permission to change layouts. Costs one
 * describe, one permission query, and per object one list and one read per ten layouts.
 */
public final class LayoutInspector {
    static final String INSUFFICIENT_ACCESS = "INSUFFICIENT_ACCESS";

    private final Clock clock;

    public LayoutInspector(Clock clock) {
        this.clock = clock;
    }

    /** Inspects both objects; a user without the Metadata API permission gets the field without its layouts. */
    public Inspection inspect(SalesforceOrg org, SyncSettings settings) {
        return inspect(org, settings, org.checkField(request(settings)));
    }

    /** As {@link #inspect(SalesforceOrg, SyncSettings)}, reusing a describe the caller already made. */
    public Inspection inspect(SalesforceOrg org, SyncSettings settings, FieldCheck check) {
        OrgIdentity identity = org.identity();
        SetupLinks links = new SetupLinks(identity.instanceUrl());
        Optional<LayoutPermissions> permissions = permissions(org);
        boolean tryLayouts = permissions.map(LayoutPermissions::canReadLayouts).orElse(true);
        List<ObjectLayouts> objects = new ArrayList<>();
        for (SObjectType type : List.of(SObjectType.CONTACT, SObjectType.LEAD)) {
            FieldOnObject field = FieldOnObject.from(check, type, settings);
            Optional<List<LayoutState>> layouts = Optional.empty();
            if (tryLayouts) {
                layouts = layouts(org, type, field, links);
                tryLayouts = layouts.isPresent();
            }
            if (layouts.isPresent() && layouts.get().stream().anyMatch(LayoutState::present)) {
                field = field.hiddenAfterAll();
            }
            objects.add(new ObjectLayouts(type, field.label(), field.apiName(), field.visibility(),
                    layouts.isPresent(), layouts.orElse(List.of()), problem(field, layouts, identity),
                    links.pageLayouts(type)));
        }
        boolean readable = objects.stream().allMatch(ObjectLayouts::layoutsReadable);
        LayoutRights rights = permissions.map(p -> new LayoutRights(p.canModifyLayouts() && readable,
                p.modifyAllData(), p.modifyMetadata(), p.customizeApplication(), identity.userName()))
                .orElseGet(() -> new LayoutRights(readable, false, false, false, identity.userName()));
        return new Inspection(clock.instant(), identity.organizationName(), rights, objects);
    }

    static OptOutFieldRequest request(SyncSettings settings) {
        return new OptOutFieldRequest(settings.field(), FieldOnObject.override(settings));
    }

    /** The user's permissions, or empty when the org would not say; the Metadata API then answers for itself. */
    private static Optional<LayoutPermissions> permissions(SalesforceOrg org) {
        try {
            return Optional.of(org.layoutPermissions());
        } catch (SalesforceException e) {
            if (e.kind() != SalesforceException.Kind.REFUSED) {
                throw e;
            }
            return Optional.empty();
        }
    }

    /** Every layout of the object with the field's place on it; empty when the Metadata API refuses the user. */
    private static Optional<List<LayoutState>> layouts(SalesforceOrg org, SObjectType type, FieldOnObject field,
            SetupLinks links) {
        try {
            List<ListedLayout> listed = org.listLayouts(type);
            Map<String, PageLayout> read = org.readLayouts(listed.stream().map(ListedLayout::fullName).toList())
                    .stream().collect(Collectors.toMap(PageLayout::fullName, Function.identity(), (a, b) -> a));
            List<LayoutState> states = new ArrayList<>();
            for (ListedLayout layout : listed) {
                Optional<PageLayout> whole = Optional.ofNullable(read.get(layout.fullName()));
                Optional<PageLayout.Item> item = whole.flatMap(l -> field.apiName().flatMap(l::itemFor));
                states.add(new LayoutState(layout.fullName(), layout.label(), item.isPresent(),
                        item.flatMap(PageLayout.Item::behavior), links.pageLayout(type, layout.id()),
                        whole.isPresent()));
            }
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
                && e.statusCode().filter(code -> code.startsWith(INSUFFICIENT_ACCESS)).isPresent();
    }

    private static Optional<String> problem(FieldOnObject field, Optional<List<LayoutState>> layouts,
            OrgIdentity identity) {
        if (field.problem().isPresent()) {
            return field.problem();
        }
        String object = field.object().apiName();
        if (layouts.isEmpty()) {
            return Optional.of("The page layouts could not be checked: " + identity.userName() + " needs Modify All "
                    + "Data or Modify Metadata Through Metadata API Functions to read them; ask a Salesforce admin.");
        }
        List<LayoutState> unreadable = layouts.get().stream().filter(l -> !l.readable()).toList();
        List<LayoutState> missing = layouts.get().stream().filter(l -> l.readable() && !l.present()).toList();
        List<String> sentences = new ArrayList<>();
        if (!missing.isEmpty()) {
            sentences.add(field.label() + " is missing from " + missing.size() + " of " + layouts.get().size() + " "
                    + object + " page layouts (" + names(missing) + "): add it in Setup or let the app add it.");
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
