package com.unsubscribesync.salesforce;

import com.sforce.soap.partner.DeletedRecord;
import com.sforce.soap.partner.GetDeletedResult;
import com.sforce.soap.partner.GetUserInfoResult;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collection;
import java.util.GregorianCalendar;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * {@link SalesforceOrg} over force-wsc's Partner SOAP connection. Queries ask for pages of 2 000 and stream them;
 * writes go in calls of at most 200. Before work that takes more than one call it checks that the org's API
 * allowance stays above the admin's reserve.
 */
final class ForceWscRecords implements SalesforceOrg {
    /** Salesforce's most records per create/update call. */
    static final int WRITE_BATCH = 200;
    /** The page size asked of queries, Salesforce's largest. */
    static final int QUERY_PAGE = 2000;

    static final int IDS_PER_QUERY = 200;

    private final OrgCalls calls;
    private final ApiReserve reserve;
    private final boolean demo;
    private final FieldDiscovery discovery = new FieldDiscovery();
    private OrgIdentity identity;

    /** Records handed over at a time from a Bulk query: a SOAP page's worth, so the engine stores them alike. */
    private static final int PAGE = 2_000;

    private final BulkQuery bulkQuery;

    /** @param demo whether this is the embedded demo org */
    ForceWscRecords(OrgCalls calls, ApiReserve reserve, boolean demo, BulkQuery bulkQuery) {
        this.calls = calls;
        this.reserve = reserve;
        this.demo = demo;
        this.bulkQuery = bulkQuery;
    }

    @Override
    public synchronized OrgIdentity identity() {
        if (identity == null) {
            GetUserInfoResult user = calls.partner("asking who the connected user is", pc -> pc.getUserInfo());
            identity = new OrgIdentity(
                    user.getOrganizationId(),
                    user.getOrganizationName(),
                    user.getUserId(),
                    user.getUserName(),
                    calls.session().instanceUrl(),
                    demo);
        }
        return identity;
    }

    @Override
    public FieldCheck checkField(OptOutFieldRequest request) {
        request.apiNameOverride().ifPresent(SoqlLiteral::name);
        return discovery.check(
                request,
                calls.partner(
                        "describing Lead and Contact",
                        pc -> pc.describeSObjects(
                                new String[] {SObjectType.LEAD.apiName(), SObjectType.CONTACT.apiName()})));
    }

    @Override
    public void pullChanged(
            SObjectType type,
            String fieldApiName,
            Optional<Instant> since,
            long bulkQueryFrom,
            Consumer<List<OrgRecord>> chunk) {
        // Every read uses queryAll: records deleted or merged away come back in the same call (IsDeleted,
        // MasterRecordId), so no separate getDeleted call is needed, and a full read too learns where a record
        // merged away before it went (a person may still be linked to the loser).
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        String soql = columns.select()
                + since.map(t -> " WHERE SystemModstamp >= " + SoqlStatements.dateTime(t))
                        .orElse("");
        String what = "reading changed " + type.apiName() + "s";
        CallsInFlight.Admission admission = reserve.eachCall(what);
        QueryResult page = calls.partner(what, admission, pc -> pc.queryAll(soql));
        if (since.isEmpty() && bulkQueryFrom > 0 && page.getSize() >= bulkQueryFrom) {
            // The first page says how many there are: a read this large goes on through one Bulk query job, a few
            // calls per 100 000 records instead of a page per 2 000 (ADR 0073). The first page is read again there.
            reserve.require(BulkQuery.plannedCalls(page.getSize(), BulkQuery.DEFAULT_CHUNK), what);
            bulkQuery.pullAll(type, fieldApiName, BulkQuery.DEFAULT_CHUNK, PAGE, chunk);
            return;
        }
        if (!page.isDone()) {
            int pageSize = Math.max(1, page.getRecords() == null ? 1 : page.getRecords().length);
            long remaining = Math.max(0, page.getSize() - pageSize);
            reserve.require((remaining + pageSize - 1) / pageSize, what);
        }
        streamPages(page, columns, what, admission, chunk);
    }

    @Override
    public List<OrgRecord> findByEmails(SObjectType type, String fieldApiName, Collection<Email> emails) {
        // Each spelling Salesforce may hold an address in (an international domain in Unicode as well as xn--).
        return findWhereIn(
                type,
                fieldApiName,
                "Email",
                emails.stream().flatMap(e -> e.spellings().stream()).distinct().toList(),
                "looking up " + type.apiName() + "s by email");
    }

    @Override
    public List<OrgRecord> findByIds(SObjectType type, String fieldApiName, Collection<SalesforceId> ids) {
        return findWhereIn(
                type,
                fieldApiName,
                "Id",
                ids.stream().map(SalesforceId::value).distinct().toList(),
                "looking up " + type.apiName() + "s by id");
    }

    /**
     * Live rows whose column holds one of the values. Values are quoted, never spliced raw, and as many go into one
     * statement as SOQL's length limit allows, so a burst of addresses costs a few calls instead of one per hundred.
     */
    private List<OrgRecord> findWhereIn(
            SObjectType type, String fieldApiName, String column, List<String> values, String what) {
        RecordColumns columns = new RecordColumns(type, fieldApiName, false);
        List<String> statements = SoqlStatements.in(
                columns.select() + " WHERE " + column + " IN (",
                values.stream().map(SoqlLiteral::quote).toList());
        return readEach(statements, columns, what, false);
    }

    /** Runs the statements in turn and reads every page; with queryAll, deleted and merged rows come back too. */
    private List<OrgRecord> readEach(List<String> statements, RecordColumns columns, String what, boolean queryAll) {
        reserve.require(statements.size(), what);
        List<OrgRecord> found = new ArrayList<>();
        for (String soql : statements) {
            streamPages(
                    calls.partner(what, pc -> queryAll ? pc.queryAll(soql) : pc.query(soql)),
                    columns,
                    what,
                    found::addAll);
        }
        return found;
    }

    @Override
    public List<PersonMatch> findPeople(String text, int limit) {
        String like = SoqlLiteral.containing(text.strip());
        List<PersonMatch> found = new ArrayList<>();
        reserve.require(2, "searching Contacts and Leads");
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
        reserve.require(1, "looking up " + id);
        String soql = "SELECT Id, Name, Email FROM " + id.objectType().apiName() + " WHERE Id = "
                + SoqlLiteral.quote(id.value());
        QueryResult result = calls.partner("looking up " + id.objectType().apiName() + " " + id, pc -> pc.query(soql));
        SObject[] rows = result.getRecords() == null ? new SObject[0] : result.getRecords();
        return rows.length == 0 ? Optional.empty() : Optional.of(match(rows[0]));
    }

    private static PersonMatch match(SObject row) {
        Object name = row.getField("Name");
        Object email = row.getField("Email");
        return new PersonMatch(
                SalesforceId.parse(row.getId()),
                name == null ? "" : name.toString(),
                Optional.ofNullable(email).map(Object::toString).filter(e -> !e.isBlank()));
    }

    @Override
    public List<OrgRecord> changedSince(
            SObjectType type, String fieldApiName, Collection<SalesforceId> ids, Instant since) {
        // queryAll, so that a record deleted or merged away since comes back flagged instead of just missing.
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        String head = columns.select() + " WHERE SystemModstamp >= " + SoqlStatements.dateTime(since) + " AND Id IN (";
        List<String> statements = SoqlStatements.in(
                head,
                ids.stream()
                        .map(SalesforceId::value)
                        .distinct()
                        .map(SoqlLiteral::quote)
                        .toList());
        return readEach(statements, columns, "checking which " + type.apiName() + "s changed", true);
    }

    @Override
    public List<OrgRecord> deletedBetween(SObjectType type, String fieldApiName, Instant start, Instant end) {
        String what = "reading deleted " + type.apiName() + "s";
        reserve.require(1, what);
        GetDeletedResult deleted =
                calls.partner(what, pc -> pc.getDeleted(type.apiName(), calendar(start), calendar(end)));
        Map<String, Instant> deletedAt = new LinkedHashMap<>();
        for (DeletedRecord record :
                deleted.getDeletedRecords() == null ? new DeletedRecord[0] : deleted.getDeletedRecords()) {
            deletedAt.put(record.getId(), record.getDeletedDate().toInstant());
        }
        RecordColumns columns = new RecordColumns(type, fieldApiName, true);
        List<List<String>> batches = Batches.of(new ArrayList<>(deletedAt.keySet()), IDS_PER_QUERY);
        reserve.require(batches.size(), what);
        Map<String, OrgRecord> found = new LinkedHashMap<>();
        for (List<String> batch : batches) {
            String soql = columns.select() + " WHERE Id IN ("
                    + String.join(", ", batch.stream().map(SoqlLiteral::quote).toList()) + ")";
            streamPages(
                    calls.partner(what, pc -> pc.queryAll(soql)),
                    columns,
                    what,
                    rows -> rows.forEach(r -> found.put(r.id().value(), r)));
        }
        List<OrgRecord> result = new ArrayList<>(deletedAt.size());
        deletedAt.forEach((id, at) ->
                result.add(Optional.ofNullable(found.get(SalesforceId.parse(id).value()))
                        .orElseGet(() -> columns.purged(id, at))));
        return result;
    }

    /**
     * Batches go as many at once as the calls in flight allow, each batch in one call; the reserve is checked again
     * as each batch goes, counting those still going. Outcomes come back in the order of the ids.
     */
    @Override
    public List<WriteOutcome> setOptOut(SObjectType type, String fieldApiName, List<SalesforceId> ids, boolean value) {
        String field = SoqlLiteral.name(fieldApiName);
        List<List<SalesforceId>> batches = Batches.of(ids, WRITE_BATCH);
        String what = "setting " + type.apiName() + "." + field + " to " + value;
        reserve.require(batches.size(), what);
        CallsInFlight.Admission admission = reserve.eachCall(what);
        List<Callable<List<WriteOutcome>>> calls = new ArrayList<>(batches.size());
        for (List<SalesforceId> batch : batches) {
            calls.add(() -> update(type, field, value, batch, what, admission));
        }
        List<WriteOutcome> outcomes = new ArrayList<>(ids.size());
        this.calls.inFlight().each(calls).forEach(outcomes::addAll);
        return outcomes;
    }

    private List<WriteOutcome> update(
            SObjectType type,
            String field,
            boolean value,
            List<SalesforceId> batch,
            String what,
            CallsInFlight.Admission admission) {
        SObject[] records = new SObject[batch.size()];
        for (int i = 0; i < records.length; i++) {
            records[i] = new SObject(type.apiName());
            records[i].setId(batch.get(i).value());
            records[i].setField(field, value);
        }
        SaveResult[] results = calls.partner(what, admission, pc -> pc.update(records));
        List<WriteOutcome> outcomes = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            SaveResult result = i < results.length ? results[i] : null;
            if (result != null && result.isSuccess()) {
                outcomes.add(WriteOutcome.written(batch.get(i)));
            } else {
                outcomes.add(FaultClassifier.failedRecord(batch.get(i), result == null ? null : result.getErrors()));
            }
        }
        return outcomes;
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
        return calls.partner("reading the org's clock", pc -> pc.getServerTimestamp())
                .getTimestamp()
                .toInstant();
    }

    /** {@code Organization.IsSandbox}: the documented way to tell a sandbox from production (ADR 0008). */
    @Override
    public Optional<Boolean> isSandbox() {
        SObject[] rows = calls.partner(
                        "asking whether the org is a sandbox", pc -> pc.query("SELECT IsSandbox FROM Organization"))
                .getRecords();
        return rows == null || rows.length == 0
                ? Optional.empty()
                : Optional.of("true".equalsIgnoreCase(String.valueOf(rows[0].getField("IsSandbox"))));
    }

    private void streamPages(QueryResult first, RecordColumns columns, String what, Consumer<List<OrgRecord>> chunk) {
        streamPages(first, columns, what, CallsInFlight.ALWAYS, chunk);
    }

    private void streamPages(
            QueryResult first,
            RecordColumns columns,
            String what,
            CallsInFlight.Admission admission,
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
            page = calls.partner(what, admission, pc -> pc.queryMore(locator));
        }
    }

    private static Calendar calendar(Instant instant) {
        GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.setTimeInMillis(instant.toEpochMilli());
        return calendar;
    }
}
