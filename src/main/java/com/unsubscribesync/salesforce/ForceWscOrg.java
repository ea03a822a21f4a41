package com.unsubscribesync.salesforce;

import com.sforce.soap.metadata.FileProperties;
import com.sforce.soap.metadata.Layout;
import com.sforce.soap.metadata.ListMetadataQuery;
import com.sforce.soap.metadata.Metadata;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.metadata.ReadResult;
import com.sforce.soap.partner.DeletedRecord;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * {@link SalesforceOrg} over force-wsc's Partner SOAP connection (its Metadata connection for layouts, its Bulk
 * connection for large pushes). Queries ask for pages of 2 000 and stream them; writes go in calls of at most 200
 * or in one Bulk API job. Before work that takes more than one call it checks that the org's API allowance stays
 * above the admin's reserve. One call runs at a time; open a second instance for parallel work.
 */
public final class ForceWscOrg implements SalesforceOrg {
    /** Salesforce's most records per create/update call. */
    public static final int WRITE_BATCH = 200;
    /** The page size asked of queries, Salesforce's largest. */
    public static final int QUERY_PAGE = 2000;
    /** Salesforce's default limit on the length of one SOQL statement. */
    static final int SOQL_MAX_LENGTH = 100_000;
    static final int IDS_PER_QUERY = 200;
    /** Salesforce's most components per readMetadata call. */
    static final int METADATA_BATCH = 10;
    /** The status code of a refusal by the reserve guard rather than by Salesforce. */
    public static final String RESERVE_REACHED = "API_RESERVE_REACHED";

    private final OrgCalls calls;
    private final BulkOptOutJob bulkJob;
    private final IntSupplier reservePercent;
    private final boolean demo;
    private final Runnable afterClose;
    private final FieldDiscovery discovery = new FieldDiscovery();
    private OrgIdentity identity;

    private ForceWscOrg(OrgCalls calls, BulkPolling polling, IntSupplier reservePercent, boolean demo,
            Runnable afterClose) {
        this.calls = calls;
        this.bulkJob = new BulkOptOutJob(calls, polling);
        this.reservePercent = reservePercent;
        this.demo = demo;
        this.afterClose = afterClose;
    }

    /**
     * Opens a session and checks it by asking who the user is.
     *
     * @param reservePercent the share of the daily API allowance to leave untouched, read at each check
     * @param demo           whether this is the embedded demo org
     * @param afterClose     run when the connection is closed (e.g. stopping the demo org)
     */
    public static ForceWscOrg open(ConnectorConfigs configs, SessionSource sessions, IntSupplier reservePercent,
            boolean demo, Runnable afterClose) {
        ForceWscOrg org = new ForceWscOrg(new OrgCalls(configs, sessions), configs.options().bulkPolling(),
                reservePercent, demo, afterClose);
        org.identity();
        return org;
    }

    /** The session in use (to save its refresh token after a browser sign-in). */
    public OrgSession session() {
        return calls.session();
    }

    @Override
    public synchronized OrgIdentity identity() {
        if (identity == null) {
            GetUserInfoResult user = calls.partner("asking who the connected user is", pc -> pc.getUserInfo());
            identity = new OrgIdentity(user.getOrganizationId(), user.getOrganizationName(), user.getUserId(),
                    user.getUserName(), calls.session().instanceUrl(), demo);
        }
        return identity;
    }

    @Override
    public FieldCheck checkField(OptOutFieldRequest request) {
        request.apiNameOverride().ifPresent(SoqlLiteral::name);
        return discovery.check(request, calls.partner("describing Lead and Contact",
                pc -> pc.describeSObjects(new String[] {SObjectType.LEAD.apiName(), SObjectType.CONTACT.apiName()})));
    }

    @Override
    public void pullChanged(SObjectType type, String fieldApiName, Optional<Instant> since,
            Consumer<List<OrgRecord>> chunk) {
        // Every read uses queryAll: records deleted or merged away come back in the same call (IsDeleted,
        // MasterRecordId), so no separate getDeleted call is needed, and a full read too learns where a record
        // merged away before it went (a person may still be linked to the loser).
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        String soql = columns.select() + since.map(t -> " WHERE SystemModstamp >= " + soqlDateTime(t)).orElse("");
        String what = "reading changed " + type.apiName() + "s";
        requireBudget(1, what);
        QueryResult page = calls.partner(what, pc -> pc.queryAll(soql));
        if (!page.isDone()) {
            int pageSize = Math.max(1, page.getRecords() == null ? 1 : page.getRecords().length);
            long remaining = Math.max(0, page.getSize() - pageSize);
            requireBudget((remaining + pageSize - 1) / pageSize, what);
        }
        streamPages(page, columns, what, chunk);
    }

    @Override
    public List<OrgRecord> findByEmails(SObjectType type, String fieldApiName, Collection<Email> emails) {
        // Each spelling Salesforce may hold an address in (an international domain in Unicode as well as xn--).
        return findWhereIn(type, fieldApiName, "Email", emails.stream().flatMap(e -> e.spellings().stream()).distinct()
                .toList(),
                "looking up " + type.apiName() + "s by email");
    }

    @Override
    public List<OrgRecord> findByIds(SObjectType type, String fieldApiName, Collection<SalesforceId> ids) {
        return findWhereIn(type, fieldApiName, "Id", ids.stream().map(SalesforceId::value).distinct().toList(),
                "looking up " + type.apiName() + "s by id");
    }

    /**
     * Live rows whose column holds one of the values. Values are quoted, never spliced raw, and as many go into one
     * statement as SOQL's length limit allows, so a burst of addresses costs a few calls instead of one per hundred.
     */
    private List<OrgRecord> findWhereIn(SObjectType type, String fieldApiName, String column, List<String> values,
            String what) {
        RecordColumns columns = new RecordColumns(type, fieldApiName, false);
        List<String> statements = inStatements(columns.select() + " WHERE " + column + " IN (",
                values.stream().map(SoqlLiteral::quote).toList());
        requireBudget(statements.size(), what);
        List<OrgRecord> found = new ArrayList<>();
        for (String soql : statements) {
            streamPages(calls.partner(what, pc -> pc.query(soql)), columns, what, found::addAll);
        }
        return found;
    }

    @Override
    public List<PersonMatch> findPeople(String text, int limit) {
        String like = SoqlLiteral.containing(text.strip());
        List<PersonMatch> found = new ArrayList<>();
        requireBudget(2, "searching Contacts and Leads");
        for (SObjectType type : List.of(SObjectType.CONTACT, SObjectType.LEAD)) {
            // Converted leads live on as their contact; they cannot be linked.
            String soql = "SELECT Id, Name, Email FROM " + type.apiName() + " WHERE "
                    + (type == SObjectType.LEAD ? "IsConverted = false AND " : "") + "(Email LIKE " + like
                    + " OR Name LIKE " + like + ") ORDER BY Name LIMIT " + Math.max(1, limit);
            QueryResult result = calls.partner("searching " + type.apiName() + "s", pc -> pc.query(soql));
            for (SObject row : result.getRecords() == null ? new SObject[0] : result.getRecords()) {
                found.add(match(row));
            }
        }
        return found;
    }

    @Override
    public Optional<PersonMatch> findPerson(SalesforceId id) {
        requireBudget(1, "looking up " + id);
        String soql = "SELECT Id, Name, Email FROM " + id.objectType().apiName() + " WHERE Id = "
                + SoqlLiteral.quote(id.value());
        QueryResult result = calls.partner("looking up " + id.objectType().apiName() + " " + id, pc -> pc.query(soql));
        SObject[] rows = result.getRecords() == null ? new SObject[0] : result.getRecords();
        return rows.length == 0 ? Optional.empty() : Optional.of(match(rows[0]));
    }

    private static PersonMatch match(SObject row) {
        Object name = row.getField("Name");
        Object email = row.getField("Email");
        return new PersonMatch(SalesforceId.parse(row.getId()), name == null ? "" : name.toString(),
                Optional.ofNullable(email).map(Object::toString).filter(e -> !e.isBlank()));
    }

    @Override
    public List<OrgRecord> changedSince(SObjectType type, String fieldApiName, Collection<SalesforceId> ids,
            Instant since) {
        // queryAll, so that a record deleted or merged away since comes back flagged instead of just missing.
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        List<String> statements = inStatements(columns.select() + " WHERE SystemModstamp >= " + soqlDateTime(since)
                + " AND Id IN (", ids.stream().map(SalesforceId::value).distinct().map(SoqlLiteral::quote).toList());
        String what = "checking which " + type.apiName() + "s changed";
        requireBudget(statements.size(), what);
        List<OrgRecord> changed = new ArrayList<>();
        for (String soql : statements) {
            streamPages(calls.partner(what, pc -> pc.queryAll(soql)), columns, what, changed::addAll);
        }
        return changed;
    }

    /** {@code head} followed by the quoted values and {@code )}, in as few statements as the length limit allows. */
    static List<String> inStatements(String head, List<String> quoted) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder(head);
        int inList = 0;
        for (String value : quoted) {
            int separator = inList == 0 ? 0 : 1;
            if (inList > 0 && statement.length() + separator + value.length() + 1 > SOQL_MAX_LENGTH) {
                statements.add(statement.append(')').toString());
                statement = new StringBuilder(head);
                inList = 0;
                separator = 0;
            }
            if (head.length() + value.length() + 1 > SOQL_MAX_LENGTH) {
                throw new IllegalArgumentException("a value of " + value.length() + " characters cannot fit in a "
                        + "SOQL statement");
            }
            statement.append(separator == 0 ? "" : ",").append(value);
            inList++;
        }
        if (inList > 0) {
            statements.add(statement.append(')').toString());
        }
        return statements;
    }

    @Override
    public List<OrgRecord> deletedBetween(SObjectType type, String fieldApiName, Instant start, Instant end) {
        String what = "reading deleted " + type.apiName() + "s";
        requireBudget(1, what);
        GetDeletedResult deleted = calls.partner(what, pc -> pc.getDeleted(type.apiName(), calendar(start),
                calendar(end)));
        Map<String, Instant> deletedAt = new LinkedHashMap<>();
        for (DeletedRecord record : deleted.getDeletedRecords() == null ? new DeletedRecord[0]
                : deleted.getDeletedRecords()) {
            deletedAt.put(record.getId(), record.getDeletedDate().toInstant());
        }
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        List<List<String>> batches = batches(new ArrayList<>(deletedAt.keySet()), IDS_PER_QUERY);
        requireBudget(batches.size(), what);
        Map<String, OrgRecord> found = new LinkedHashMap<>();
        for (List<String> batch : batches) {
            String soql = columns.select() + " WHERE Id IN (" + String.join(", ",
                    batch.stream().map(SoqlLiteral::quote).toList()) + ")";
            streamPages(calls.partner(what, pc -> pc.queryAll(soql)), columns, what,
                    rows -> rows.forEach(r -> found.put(r.id().value(), r)));
        }
        List<OrgRecord> result = new ArrayList<>(deletedAt.size());
        deletedAt.forEach((id, at) -> result.add(Optional.ofNullable(found.get(SalesforceId.parse(id).value()))
                .orElseGet(() -> columns.purged(id, at))));
        return result;
    }

    @Override
    public List<WriteOutcome> setOptOut(SObjectType type, String fieldApiName, List<SalesforceId> ids,
            boolean value) {
        String field = SoqlLiteral.name(fieldApiName);
        List<List<SalesforceId>> batches = batches(ids, WRITE_BATCH);
        String what = "setting " + type.apiName() + "." + field + " to " + value;
        requireBudget(batches.size(), what);
        List<WriteOutcome> outcomes = new ArrayList<>(ids.size());
        for (List<SalesforceId> batch : batches) {
            SObject[] records = new SObject[batch.size()];
            for (int i = 0; i < records.length; i++) {
                records[i] = new SObject(type.apiName());
                records[i].setId(batch.get(i).value());
                records[i].setField(field, value);
            }
            SaveResult[] results = calls.partner(what, pc -> pc.update(records));
            for (int i = 0; i < batch.size(); i++) {
                SaveResult result = i < results.length ? results[i] : null;
                if (result != null && result.isSuccess()) {
                    outcomes.add(WriteOutcome.written(batch.get(i)));
                } else {
                    outcomes.add(FaultClassifier.failedRecord(batch.get(i), result == null ? null
                            : result.getErrors()));
                }
            }
        }
        return outcomes;
    }

    @Override
    public List<WriteOutcome> setOptOutInBulk(SObjectType type, String fieldApiName, List<SalesforceId> ids,
            boolean value) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String field = SoqlLiteral.name(fieldApiName);
        String what = "setting " + type.apiName() + "." + field + " to " + value + " through the Bulk API";
        requireBudget(BulkOptOutJob.plannedCalls(ids.size()), what);
        return bulkJob.run(type, field, ids, value, what);
    }

    @Override
    public Optional<ApiUsage> apiUsage() {
        return calls.usage();
    }

    @Override
    public long callsMade() {
        return calls.callsMade();
    }

    @Override
    public Instant serverTime() {
        return calls.partner("reading the org's clock", pc -> pc.getServerTimestamp()).getTimestamp().toInstant();
    }

    @Override
    public LayoutPermissions layoutPermissions() {
        String what = "reading the connected user's permissions";
        SObject row;
        try {
            row = permissionRow(what, "PermissionsModifyAllData, PermissionsModifyMetadata, "
                    + "PermissionsCustomizeApplication");
        } catch (SalesforceException e) {
            // Orgs before Modify Metadata existed do not know the field; Modify All Data still decides there.
            if (!e.statusCode().filter("INVALID_FIELD"::equals).isPresent()) {
                throw e;
            }
            row = permissionRow(what, "PermissionsModifyAllData, PermissionsCustomizeApplication");
        }
        return new LayoutPermissions(flag(row, "PermissionsModifyAllData"), flag(row, "PermissionsModifyMetadata"),
                flag(row, "PermissionsCustomizeApplication"));
    }

    private SObject permissionRow(String what, String columns) {
        SObject[] rows = calls.partner(what, pc -> pc.query("SELECT " + columns + " FROM UserPermissionAccess"))
                .getRecords();
        if (rows == null || rows.length == 0) {
            throw new SalesforceException(SalesforceException.Kind.REFUSED, "NO_ROWS", "Salesforce returned no "
                    + "permissions for the connected user while " + what + ": check that the user is active.", null);
        }
        return rows[0];
    }

    private static boolean flag(SObject row, String field) {
        return "true".equalsIgnoreCase(String.valueOf(row.getField(field)));
    }

    @Override
    public List<ListedLayout> listLayouts(SObjectType type) {
        return listLayouts(java.util.EnumSet.of(type)).get(type);
    }

    /** One listMetadata of type Layout names the layouts of every object; each is sorted by full name. */
    @Override
    public java.util.Map<SObjectType, List<ListedLayout>> listLayouts(java.util.Set<SObjectType> types) {
        ListMetadataQuery query = new ListMetadataQuery();
        query.setType("Layout");
        FileProperties[] listed = calls.metadata("listing the " + types.stream().map(SObjectType::apiName)
                .collect(java.util.stream.Collectors.joining(" and ")) + " page layouts",
                mc -> mc.listMetadata(new ListMetadataQuery[] {query}, MetadataApiVersion.asNumber()));
        java.util.Map<SObjectType, List<ListedLayout>> layouts = new java.util.EnumMap<>(SObjectType.class);
        for (SObjectType type : types) {
            String prefix = type.apiName() + "-";
            List<ListedLayout> ofType = new ArrayList<>();
            for (FileProperties file : listed == null ? new FileProperties[0] : listed) {
                if (file.getFullName() != null && file.getFullName().startsWith(prefix)) {
                    ofType.add(ListedLayout.fromListing(file.getFullName(), file.getId() == null ? "" : file.getId(),
                            Optional.ofNullable(file.getNamespacePrefix())));
                }
            }
            ofType.sort(java.util.Comparator.comparing(ListedLayout::fullName));
            layouts.put(type, ofType);
        }
        return layouts;
    }

    /** {@code Organization.IsSandbox}: the documented way to tell a sandbox from production (ADR 0008). */
    @Override
    public Optional<Boolean> isSandbox() {
        SObject[] rows = calls.partner("asking whether the org is a sandbox",
                pc -> pc.query("SELECT IsSandbox FROM Organization")).getRecords();
        return rows == null || rows.length == 0 ? Optional.empty()
                : Optional.of("true".equalsIgnoreCase(String.valueOf(rows[0].getField("IsSandbox"))));
    }

    @Override
    public List<PageLayout> readLayouts(List<String> fullNames) {
        List<PageLayout> layouts = new ArrayList<>();
        // Salesforce refuses more than ten names in one readMetadata (EXCEEDED_ID_LIMIT).
        for (List<String> batch : batches(fullNames, METADATA_BATCH)) {
            ReadResult read = calls.metadata("reading page layouts " + String.join(", ", batch),
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
            throw new IllegalArgumentException("the kept document is layout " + layout.getFullName() + ", not "
                    + fullName);
        }
        save(layout, "restoring page layout " + fullName);
    }

    private void save(Layout layout, String what) {
        com.sforce.soap.metadata.SaveResult[] results = calls.metadata(what,
                mc -> mc.updateMetadata(new Metadata[] {layout}));
        com.sforce.soap.metadata.SaveResult result = results == null || results.length == 0 ? null : results[0];
        if (result != null && result.isSuccess()) {
            return;
        }
        com.sforce.soap.metadata.Error error = result == null || result.getErrors() == null
                || result.getErrors().length == 0 ? null : result.getErrors()[0];
        String code = error == null || error.getStatusCode() == null ? "UNKNOWN_EXCEPTION"
                : error.getStatusCode().name();
        String message = error == null ? "no reason given" : error.getMessage();
        throw new SalesforceException(SalesforceException.Kind.REFUSED, code, "Salesforce did not save page layout "
                + layout.getFullName() + " while " + what + " (" + code + ": " + message + "): the layout is "
                + "unchanged; fix the problem in Setup or ask a Salesforce admin.", null);
    }

    /**
     * Runs a Metadata API call (layouts) with the same session, renewal, retries and classification as every
     * other call.
     */
    public <T> T withMetadata(String what, MetadataCall<T> call) {
        return calls.metadata(what, call::run);
    }

    /** A call on the org's Metadata connection. */
    @FunctionalInterface
    public interface MetadataCall<T> {
        T run(MetadataConnection metadata) throws ConnectionException;
    }

    @Override
    public void close() {
        afterClose.run();
    }

    /** Refuses work of {@code plannedCalls} calls that would dip into the reserve; says so in one sentence. */
    private void requireBudget(long plannedCalls, String what) {
        int reserve = reservePercent.getAsInt();
        calls.usage().filter(usage -> usage.wouldCutIntoReserve(plannedCalls, reserve)).ifPresent(usage -> {
            throw new SalesforceException(SalesforceException.Kind.API_LIMIT_EXCEEDED, RESERVE_REACHED,
                    "Stopped before " + what + ": the org has used " + usage.used() + " of its " + usage.limit()
                            + " API calls today and " + reserve + "% is kept in reserve; the rest continues on the "
                            + "next run, or lower 'api-reserve-percent'.", null);
        });
    }

    private void streamPages(QueryResult first, RecordColumns columns, String what,
            Consumer<List<OrgRecord>> chunk) {
        QueryResult page = first;
        while (true) {
            SObject[] rows = page.getRecords() == null ? new SObject[0] : page.getRecords();
            if (rows.length > 0) {
                List<OrgRecord> records = new ArrayList<>(rows.length);
                for (SObject row : rows) {
                    records.add(columns.read(row));
                }
                chunk.accept(records);
            }
            if (page.isDone() || page.getQueryLocator() == null) {
                return;
            }
            String locator = page.getQueryLocator();
            page = calls.partner(what, pc -> pc.queryMore(locator));
        }
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            batches.add(List.copyOf(items.subList(from, Math.min(items.size(), from + size))));
        }
        return batches;
    }

    /**
     * Whole seconds, rounded down, for {@code SystemModstamp >=}: Salesforce stores a change to the second, so a
     * change made within the watermark's second has exactly that second and is read (again, harmlessly).
     */
    static String soqlDateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
