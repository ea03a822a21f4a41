package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.salesforce.LayoutPermissions;
import com.unsubscribesync.salesforce.ListedLayout;
import com.unsubscribesync.salesforce.OrgIdentity;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.store.SettingsRepository;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the opt-out field on the Contact and Lead page layouts and checks it: what the layout wizard and the
 * {@code layout} commands call. Inspections are kept for a few minutes (each costs several API calls); installing
 * and undoing forget them. Every failure is a {@link LayoutException} with one sentence for the admin.
 */
public final class PageLayouts {
    private static final Logger LOG = LoggerFactory.getLogger(PageLayouts.class);
    /** How long an inspection is reused by {@link #inspect()}. */
    public static final Duration KEEP = Duration.ofMinutes(5);

    private final OrgAccess orgs;
    private final SettingsRepository settings;
    private final LayoutBackups backups;
    private final Clock clock;
    private final LayoutInspector inspector;
    private final LayoutReadCache reads;
    private final FieldPlacer placer = new FieldPlacer();
    private Kept kept;

    private record Kept(Inspection inspection, String organizationId, SyncSettings settings) {}

    public PageLayouts(OrgAccess orgs, SettingsRepository settings, LayoutBackups backups, Clock clock) {
        this(orgs, settings, backups, clock, new LayoutReadCache(clock, KEEP));
    }

    /** @param reads the reads kept for this org, shared with whatever else inspects the layouts (the status) */
    public PageLayouts(
            OrgAccess orgs, SettingsRepository settings, LayoutBackups backups, Clock clock, LayoutReadCache reads) {
        this.orgs = orgs;
        this.settings = settings;
        this.backups = backups;
        this.clock = clock;
        this.inspector = new LayoutInspector(clock);
        this.reads = reads;
    }

    /** The last inspection if it is recent and for the same org and field, else a new one. */
    public synchronized Inspection inspect() {
        SyncSettings current = settings.load();
        return withOrg(org -> {
            if (kept != null
                    && kept.organizationId.equals(org.records().identity().organizationId())
                    && sameField(kept.settings, current)
                    && !kept.inspection.inspectedAt().plus(KEEP).isBefore(clock.instant())) {
                return kept.inspection;
            }
            return inspectWith(org, current);
        });
    }

    /** Reads the org again, nothing kept (the wizard's "Check now"): a few API calls, the inspection says how many. */
    public synchronized Inspection inspectNow() {
        SyncSettings current = settings.load();
        reads.forget();
        return withOrg(org -> inspectWith(org, current));
    }

    /** The inspection kept from the last check, without asking the org. */
    public synchronized Optional<Inspection> lastInspection() {
        return Optional.ofNullable(kept).map(Kept::inspection);
    }

    /** Forgets the kept inspection and reads, e.g. after the admin changed layouts in Setup. */
    public synchronized void forget() {
        kept = null;
        reads.forget();
    }

    /** Where the field would go on each layout of the object that lacks it (or on the one named); writes nothing. */
    public InstallReport preview(SObjectType type, Optional<String> layout) {
        return install(type, layout, true);
    }

    /**
     * Adds the field to every layout of the object that lacks it, or to the one named (its full name or the name
     * Setup shows).
     */
    public InstallReport install(SObjectType type, Optional<String> layout, boolean dryRun) {
        return install(type, layout.stream().toList(), dryRun);
    }

    /**
     * Adds the field to the named layouts that lack it (every layout of the object when none is named). The
     * original of every layout to change is kept in the backups first, before any is saved; then each is saved
     * whole. A layout Salesforce refuses is reported and the others still go ahead; a failure that stops the run
     * (Salesforce unreachable, the session or permission refused) is reported with the layouts changed so far,
     * each undoable, and those not tried (ADR 0026).
     */
    public synchronized InstallReport install(SObjectType type, List<String> names, boolean dryRun) {
        SyncSettings current = settings.load();
        InstallReport report = withOrg(org -> installOn(org, type, names, dryRun, current));
        if (!dryRun) {
            kept = null;
        }
        return report;
    }

    /** A layout that lacks the field and has a place for it. */
    private record Pending(PageLayout original, String label, FieldPlacer.Choice choice) {}

    private InstallReport installOn(
            LayoutOrg org, SObjectType type, List<String> names, boolean dryRun, SyncSettings current) {
        LayoutReadCache.Reads cached = reads.on(org);
        requirePermission(cached, org, type, current);
        FieldOnObject described =
                FieldOnObject.from(cached.checkField(LayoutInspector.request(current)), type, current);
        List<ListedLayout> targets = targets(cached.listLayouts(type), type, names);
        // Read just before the change, whatever is kept: a layout changed in Setup meanwhile must not be overwritten.
        List<PageLayout> read = cached.readLayoutsNow(
                targets.stream().map(ListedLayout::fullName).toList());
        java.util.Set<String> returned = read.stream().map(PageLayout::fullName).collect(Collectors.toSet());
        List<ListedLayout> unreadable =
                targets.stream().filter(t -> !returned.contains(t.fullName())).toList();
        FieldOnObject field = read.stream()
                        .anyMatch(l -> described.apiName().flatMap(l::itemFor).isPresent())
                ? described.hiddenAfterAll()
                : described;
        if (!field.visibility().placeable()) {
            throw new LayoutException(
                    LayoutException.Reason.FIELD_UNAVAILABLE,
                    field.problem().orElse(field.label() + " cannot be placed on the " + type.apiName() + " layouts."));
        }
        String apiName = field.apiName().orElseThrow();
        Map<String, LayoutChange> changes = new LinkedHashMap<>();
        List<Pending> pending = new ArrayList<>();
        for (PageLayout original : read) {
            String label = ListedLayout.label(original.fullName());
            changes.put(original.fullName(), null);
            Optional<FieldPlacer.Choice> choice = placer.choose(original, apiName);
            if (original.itemFor(apiName).isPresent()) {
                changes.put(
                        original.fullName(),
                        LayoutChange.of(
                                original.fullName(), label, LayoutChange.Outcome.ALREADY_THERE, Optional.empty()));
            } else if (choice.isEmpty()) {
                changes.put(
                        original.fullName(),
                        LayoutChange.failed(
                                original.fullName(),
                                label,
                                Optional.empty(),
                                "Layout " + label + " has no section to put the field in: add it in Setup."));
            } else if (dryRun) {
                changes.put(
                        original.fullName(),
                        LayoutChange.of(
                                original.fullName(),
                                label,
                                LayoutChange.Outcome.WOULD_ADD,
                                Optional.of(choice.get().preview())));
            } else {
                pending.add(new Pending(original, label, choice.get()));
            }
        }
        Optional<String> stopped = pending.isEmpty() ? Optional.empty() : change(org, pending, apiName, changes);
        for (ListedLayout missing : unreadable) {
            changes.put(
                    missing.fullName(),
                    LayoutChange.failed(
                            missing.fullName(),
                            missing.label(),
                            Optional.empty(),
                            "Salesforce listed layout " + missing.label()
                                    + " but would not return it, so nothing was changed on it: check it "
                                    + "in Setup."));
        }
        return new InstallReport(
                type,
                apiName,
                dryRun,
                new ArrayList<>(changes.values()),
                field.visibility() == FieldVisibility.EDITABLE ? Optional.empty() : field.problem(),
                stopped);
    }

    /**
     * Keeps every original, then saves each layout in turn; fills in what happened to each. Returns why the run
     * stopped early, if it did.
     */
    private Optional<String> change(
            LayoutOrg org, List<Pending> pending, String apiName, Map<String, LayoutChange> changes) {
        List<LayoutBackup> kept = keepOriginals(org.records().identity().organizationId(), pending);
        Optional<String> stopped = Optional.empty();
        for (int i = 0; i < pending.size(); i++) {
            Pending layout = pending.get(i);
            LayoutBackup backup = kept.get(i);
            String fullName = layout.original().fullName();
            Optional<SectionPreview> preview = Optional.of(layout.choice().preview());
            if (stopped.isPresent()) {
                backups.discard(backup);
                changes.put(
                        fullName, LayoutChange.of(fullName, layout.label(), LayoutChange.Outcome.NOT_TRIED, preview));
                continue;
            }
            try {
                org.layouts().addField(layout.original(), layout.choice().placement());
            } catch (RuntimeException e) {
                SalesforceException failure = e instanceof SalesforceException known ? known : null;
                if (failure != null
                        && failure.kind() == SalesforceException.Kind.REFUSED
                        && !LayoutInspector.isPermissionRefusal(failure)) {
                    backups.discard(backup);
                    changes.put(fullName, LayoutChange.failed(fullName, layout.label(), preview, e.getMessage()));
                    continue;
                }
                // Salesforce may have saved a layout whose answer never arrived; its original stays kept.
                boolean unconfirmed = failure == null || failure.kind() == SalesforceException.Kind.UNAVAILABLE;
                boolean anyChanged =
                        changes.values().stream().anyMatch(c -> c != null && c.outcome() == LayoutChange.Outcome.ADDED);
                if (!unconfirmed && !anyChanged) {
                    kept.subList(i, kept.size()).forEach(backups::discard);
                    throw e;
                }
                String reason = failure != null
                        ? e.getMessage()
                        : "unexpected problem (" + e.getClass().getSimpleName() + "); details are in the log file.";
                if (failure == null) {
                    LOG.error("Adding {} to page layout {} failed", apiName, fullName, e);
                }
                if (unconfirmed) {
                    changes.put(
                            fullName,
                            LayoutChange.failed(
                                    fullName,
                                    layout.label(),
                                    preview,
                                    "Salesforce did not confirm the change to " + layout.label()
                                            + ", so it may have been saved: its original is kept, and 'layout undo' "
                                            + "restores it if it was."));
                } else {
                    backups.discard(backup);
                    changes.put(fullName, LayoutChange.failed(fullName, layout.label(), preview, reason));
                }
                stopped = Optional.of("The run stopped at layout " + layout.label() + ": " + reason);
                continue;
            }
            recordInstalled(org, backup);
            LOG.info(
                    "Added {} to page layout {}; original kept in {}",
                    apiName,
                    fullName,
                    backup.file().getFileName());
            changes.put(fullName, LayoutChange.of(fullName, layout.label(), LayoutChange.Outcome.ADDED, preview));
        }
        return stopped;
    }

    /** Writes the original of every layout about to change; if one cannot be written, none is changed. */
    private List<LayoutBackup> keepOriginals(String organizationId, List<Pending> pending) {
        List<LayoutBackup> kept = new ArrayList<>();
        for (Pending layout : pending) {
            try {
                kept.add(backups.save(
                        layout.original().fullName(),
                        organizationId,
                        clock.instant().truncatedTo(ChronoUnit.MILLIS),
                        layout.original().document()));
            } catch (UncheckedIOException e) {
                LOG.error(
                        "Keeping the original of page layout {} failed",
                        layout.original().fullName(),
                        e);
                for (LayoutBackup backup : kept) {
                    try {
                        backups.discard(backup);
                    } catch (UncheckedIOException ignored) {
                        // An unused original left behind is harmless: it is only offered for undo.
                    }
                }
                throw new LayoutException(
                        LayoutException.Reason.BACKUP_FAILED,
                        "The original of layout "
                                + layout.label() + " could not be kept in the data directory ("
                                + e.getCause().getMessage()
                                + "), so no layout was changed: free some disk space or fix the folder's permissions, "
                                + "then install again.");
            }
        }
        return kept;
    }

    /** Adds the layout as saved to its backup, so undo can tell a later change; the change stands without it. */
    private void recordInstalled(LayoutOrg org, LayoutBackup backup) {
        try {
            reads.on(org).readLayoutsNow(List.of(backup.fullName())).stream()
                    .findFirst()
                    .ifPresent(saved -> backups.recordInstalled(backup, saved.document()));
        } catch (SalesforceException | UncheckedIOException e) {
            LOG.warn(
                    "Page layout {} was changed but could not be read back for its backup ({}); undo still "
                            + "restores it",
                    backup.fullName(),
                    e.getMessage());
        }
    }

    /**
     * Restores the newest kept original of a layout. Refuses when the layout changed in Salesforce since the app
     * saved it, unless {@code force}: restoring would throw that change away.
     */
    public synchronized UndoReport undo(SObjectType type, String layout, boolean force) {
        UndoReport report = withOrg(org -> {
            LayoutReadCache.Reads cached = reads.on(org);
            requirePermission(cached, org, type, settings.load());
            ListedLayout target = named(cached.listLayouts(type), type, layout);
            String orgId = org.records().identity().organizationId();
            LayoutBackup backup = backups.newest(orgId, target.fullName())
                    .orElseThrow(() -> new LayoutException(
                            LayoutException.Reason.NO_BACKUP,
                            "There is no kept original of layout " + target.label()
                                    + " for this org in this data directory: nothing to undo."));
            PageLayout now = cached.readLayoutsNow(List.of(target.fullName())).stream()
                    .findFirst()
                    .orElseThrow(() -> new LayoutException(
                            LayoutException.Reason.ORG_REFUSED,
                            "Salesforce listed layout "
                                    + target.label() + " but would not return it, so the app cannot tell whether it "
                                    + "changed since: nothing was restored; check it in Setup."));
            boolean changedSince = backup.installed().isPresent()
                    && !now.document().equals(backup.installed().get());
            if (changedSince && !force) {
                throw new LayoutException(
                        LayoutException.Reason.CHANGED_SINCE_INSTALL,
                        "Layout " + target.label()
                                + " changed in Salesforce after the app added the field on " + backup.takenAt()
                                + ": undoing would throw that change away; undo with force to restore it anyway.");
            }
            org.layouts().restoreLayout(target.fullName(), backup.original());
            boolean identical = cached.readLayoutsNow(List.of(target.fullName())).stream()
                    .findFirst()
                    .map(l -> l.document().equals(backup.original()))
                    .orElse(false);
            backups.markRestored(backup);
            LOG.info("Restored page layout {} as kept on {}", target.fullName(), backup.takenAt());
            return new UndoReport(target.fullName(), target.label(), backup.takenAt(), identical);
        });
        kept = null;
        return report;
    }

    /** The kept originals that {@link #undo} can restore for the object, newest first. */
    public List<LayoutBackup> undoable(SObjectType type) {
        return withOrg(org -> backups.all(org.records().identity().organizationId()).stream()
                .filter(b -> b.fullName().startsWith(type.apiName() + "-"))
                .toList());
    }

    /** The object's Page Layouts page in the connected org's Lightning Setup. */
    public String setupUrl(SObjectType type) {
        return withOrg(org -> new SetupLinks(org.records().identity().instanceUrl()).pageLayouts(type));
    }

    /** The request to send to a Salesforce admin for this object, from the latest inspection. */
    public String askYourAdmin(SObjectType type) {
        Inspection inspection = inspect();
        return AdminRequest.write(
                inspection.organizationName(),
                inspection.rights(),
                inspection.of(type).orElseThrow());
    }

    private Inspection inspectWith(LayoutOrg org, SyncSettings current) {
        Inspection inspection = inspector.inspect(reads.on(org), current, true);
        kept = new Kept(inspection, org.records().identity().organizationId(), current);
        return inspection;
    }

    private void requirePermission(
            LayoutReadCache.Reads cached, LayoutOrg org, SObjectType type, SyncSettings current) {
        Optional<LayoutPermissions> permissions = cached.permissions();
        if (permissions.isPresent() && !permissions.get().canModifyLayouts()) {
            throw noPermission(org, type, current);
        }
    }

    private LayoutException noPermission(LayoutOrg org, SObjectType type, SyncSettings current) {
        OrgIdentity identity = org.records().identity();
        Inspection inspection = inspectWith(org, current);
        String request = AdminRequest.write(
                inspection.organizationName(),
                inspection.rights(),
                inspection.of(type).orElseThrow());
        return new LayoutException(
                LayoutException.Reason.NO_PERMISSION,
                identity.userName() + " may not change page "
                        + "layouts (it needs " + inspection.rights().missingPermissions() + "): ask a "
                        + "Salesforce admin to add the field, or to grant the permission.",
                request,
                null);
    }

    /** The layouts of the object to work on: all of them, or those named by full name or by their Setup name. */
    private static List<ListedLayout> targets(List<ListedLayout> listed, SObjectType type, List<String> names) {
        if (names.isEmpty()) {
            return listed;
        }
        List<ListedLayout> chosen = new ArrayList<>();
        for (String name : names) {
            ListedLayout layout = named(listed, type, name);
            if (!chosen.contains(layout)) {
                chosen.add(layout);
            }
        }
        return chosen;
    }

    private static ListedLayout named(List<ListedLayout> listed, SObjectType type, String name) {
        String wanted = name.strip();
        for (ListedLayout layout : listed) {
            if (layout.isNamed(wanted, type.apiName())) {
                return layout;
            }
        }
        throw new LayoutException(
                LayoutException.Reason.UNKNOWN_LAYOUT,
                type.apiName() + " has no page layout named '"
                        + wanted + "': use one of "
                        + listed.stream().map(l -> "'" + l.label() + "'").collect(Collectors.joining(", ")) + ".");
    }

    private static boolean sameField(SyncSettings a, SyncSettings b) {
        return a.field() == b.field() && FieldOnObject.override(a).equals(FieldOnObject.override(b));
    }

    /** Runs work on the connected org, turning the port's failures into one-sentence layout failures. */
    private <T> T withOrg(Function<LayoutOrg, T> work) {
        try {
            LayoutOrg org = orgs.current()
                    .orElseThrow(() -> new LayoutException(
                            LayoutException.Reason.NOT_CONNECTED,
                            "No Salesforce org is connected: run 'connect --demo' or "
                                    + "'connect --login-url URL --client-id ID' first."));
            return work.apply(org);
        } catch (SalesforceException e) {
            throw translate(e);
        }
    }

    private static LayoutException translate(SalesforceException e) {
        LayoutException.Reason reason = switch (e.kind()) {
            case AUTHENTICATION -> LayoutException.Reason.NOT_CONNECTED;
            case UNAVAILABLE, API_LIMIT_EXCEEDED -> LayoutException.Reason.UNREACHABLE;
            case REFUSED ->
                LayoutInspector.isPermissionRefusal(e)
                        ? LayoutException.Reason.NO_PERMISSION
                        : LayoutException.Reason.ORG_REFUSED;
        };
        return new LayoutException(reason, e.getMessage(), null, e);
    }
}
