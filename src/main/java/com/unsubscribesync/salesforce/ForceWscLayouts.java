package com.unsubscribesync.salesforce;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.Layout;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.ReadResult;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.domain.SObjectType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link SalesforceLayouts} over force-wsc's Metadata connection; the user's permissions come from one Partner
 * query on the same session.
 */
final class ForceWscLayouts implements SalesforceLayouts {
    /** Salesforce's most components per readMetadata call. */
    static final int METADATA_BATCH = 10;

    private final OrgCalls calls;

    ForceWscLayouts(OrgCalls calls) {
        this.calls = calls;
    }

    @Override
    public LayoutPermissions layoutPermissions() {
        String what = "reading the connected user's permissions";
        SObject row;
        try {
            row = permissionRow(
                    what, "PermissionsModifyAllData, PermissionsModifyMetadata, " + "PermissionsCustomizeApplication");
        } catch (SalesforceException e) {
            // Orgs before Modify Metadata existed do not know the field; Modify All Data still decides there.
            if (!e.statusCode().filter("INVALID_FIELD"::equals).isPresent()) {
                throw e;
            }
            row = permissionRow(what, "PermissionsModifyAllData, PermissionsCustomizeApplication");
        }
        return new LayoutPermissions(
                flag(row, "PermissionsModifyAllData"),
                flag(row, "PermissionsModifyMetadata"),
                flag(row, "PermissionsCustomizeApplication"));
    }

    private SObject permissionRow(String what, String columns) {
        SObject[] rows = calls.partner(what, pc -> pc.query("SELECT " + columns + " FROM UserPermissionAccess"))
                .getRecords();
        if (rows == null || rows.length == 0) {
            throw new SalesforceException(
                    SalesforceException.Kind.REFUSED,
                    "NO_ROWS",
                    "Salesforce returned no " + "permissions for the connected user while " + what
                            + ": check that the user is active.",
                    null);
        }
        return rows[0];
    }

    private static boolean flag(SObject row, String field) {
        return "true".equalsIgnoreCase(String.valueOf(row.getField(field)));
    }

    /** One listMetadata of type Layout names the layouts of every object; each is sorted by full name. */
    @Override
    public Map<SObjectType, List<ListedLayout>> listLayouts(Set<SObjectType> types) {
        ListMetadataQuery query = new ListMetadataQuery();
        query.setType("Layout");
        FileProperties[] listed = calls.metadata(
                "listing the " + types.stream().map(SObjectType::apiName).collect(Collectors.joining(" and "))
                        + " page layouts",
                mc -> mc.listMetadata(new ListMetadataQuery[] {query}, MetadataApiVersion.asNumber()));
        Map<SObjectType, List<ListedLayout>> layouts = new EnumMap<>(SObjectType.class);
        for (SObjectType type : types) {
            String prefix = type.apiName() + "-";
            List<ListedLayout> ofType = new ArrayList<>();
            for (FileProperties file : listed == null ? new FileProperties[0] : listed) {
                if (file.getFullName() != null && file.getFullName().startsWith(prefix)) {
                    ofType.add(ListedLayout.fromListing(
                            file.getFullName(),
                            file.getId() == null ? "" : file.getId(),
                            Optional.ofNullable(file.getNamespacePrefix())));
                }
            }
            ofType.sort(Comparator.comparing(ListedLayout::fullName));
            layouts.put(type, ofType);
        }
        return layouts;
    }

    @Override
    public List<PageLayout> readLayouts(List<String> fullNames) {
        List<PageLayout> layouts = new ArrayList<>();
        // Salesforce refuses more than ten names in one readMetadata (EXCEEDED_ID_LIMIT).
        for (List<String> batch : Batches.of(fullNames, METADATA_BATCH)) {
            ReadResult read = calls.metadata(
                    "reading page layouts " + String.join(", ", batch),
                    mc -> mc.readMetadata("Layout", batch.toArray(String[]::new)));
            // A name the org does not know comes back as a nil record or as a record without a name.
            for (Metadata record : read.getRecords() == null ? new Metadata[0] : read.getRecords()) {
                if (record instanceof Layout layout && layout.getFullName() != null) {
                    layouts.add(LayoutDocuments.toPageLayout(layout));
                }
            }
        }
        return layouts;
    }

    @Override
    public PageLayout addField(PageLayout current, FieldPlacement placement) {
        Layout layout = LayoutDocuments.read(current.document());
        LayoutDocuments.place(layout, placement);
        save(layout, "adding " + placement.fieldApiName() + " to page layout " + current.fullName());
        return LayoutDocuments.toPageLayout(layout);
    }

    @Override
    public void restoreLayout(String fullName, String document) {
        Layout layout = LayoutDocuments.read(document);
        if (!fullName.equals(layout.getFullName())) {
            throw new IllegalArgumentException(
                    "the kept document is layout " + layout.getFullName() + ", not " + fullName);
        }
        save(layout, "restoring page layout " + fullName);
    }

    private void save(Layout layout, String what) {
        com.sforce.soap.metadata.SaveResult[] results =
                calls.metadata(what, mc -> mc.updateMetadata(new Metadata[] {layout}));
        com.sforce.soap.metadata.SaveResult result = results == null || results.length == 0 ? null : results[0];
        if (result != null && result.isSuccess()) {
            return;
        }
        com.sforce.soap.metadata.Error error =
                result == null || result.getErrors() == null || result.getErrors().length == 0
                        ? null
                        : result.getErrors()[0];
        String code = error == null || error.getStatusCode() == null
                ? "UNKNOWN_EXCEPTION"
                : error.getStatusCode().name();
        String message = error == null ? "no reason given" : error.getMessage();
        throw new SalesforceException(
                SalesforceException.Kind.REFUSED,
                code,
                "Salesforce did not save page layout "
                        + layout.getFullName() + " while " + what + " (" + code + ": " + message + "): the layout is "
                        + "unchanged; fix the problem in Setup or ask a Salesforce admin.",
                null);
    }
}
