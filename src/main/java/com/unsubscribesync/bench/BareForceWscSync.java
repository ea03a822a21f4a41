package com.unsubscribesync.bench;

import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.unsubscribesync.localorg.LocalOrg;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The benchmarks' baseline: the smallest program over force-wsc's {@code PartnerConnection} that makes the engine's
 * Salesforce calls (the same describe, clock, queries, queryMore pages, lookups and update batches) with its state
 * in plain collections instead of the store, and no engine around it. The engine's time over this one's is what
 * the engine itself costs.
 */
final class BareForceWscSync {
    private static final String FIELD = "HasOptedOutOfEmail";
    private static final List<String> OBJECTS = List.of("Lead", "Contact");
    private static final Duration OVERLAP = Duration.ofMinutes(2);
    private static final int WRITE_BATCH = 200;
    private static final int SOQL_MAX_LENGTH = 100_000;

    private final PartnerConnection partner;
    private final Set<String> unsubscribed = new HashSet<>();
    private final Set<String> unsubscribedSinceLastRun = new HashSet<>();
    private final Map<String, Row> rows = new HashMap<>();
    private final Map<String, Set<String>> idsByEmail = new HashMap<>();
    private Instant watermark;
    private boolean described;

    private record Row(
            String id,
            String object,
            String email,
            boolean optedOut,
            boolean converted,
            String convertedContactId,
            boolean deleted) {}

    /** What one run read and wrote, per object. */
    record Work(Map<String, Integer> pulled, Map<String, Integer> pushed, int imported) {
        int pulledTotal() {
            return pulled.values().stream().mapToInt(Integer::intValue).sum();
        }

        int pushedTotal() {
            return pushed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    BareForceWscSync(LocalOrg org) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setManualLogin(true);
        config.setServiceEndpoint(org.partnerEndpoint("65.0"));
        config.setSessionId(org.issueAccessToken());
        partner = new PartnerConnection(config);
        partner.setQueryOptions(2000);
    }

    void unsubscribe(Collection<String> emails) {
        for (String email : emails) {
            if (unsubscribed.add(email)) {
                unsubscribedSinceLastRun.add(email);
            }
        }
    }

    /** The nightly run: pull what changed, import opt-outs, push opt-outs to records still without one. */
    Work sync() throws ConnectionException {
        if (!described) {
            partner.describeSObjects(OBJECTS.toArray(String[]::new));
            described = true;
        }
        Instant serverStart = partner.getServerTimestamp().getTimestamp().toInstant();
        Set<String> touched = new HashSet<>(unsubscribedSinceLastRun);
        Map<String, Integer> pulled = new LinkedHashMap<>();
        for (String object : OBJECTS) {
            pulled.put(object, pull(object, touched));
        }
        int imported = 0;
        for (String email : touched) {
            boolean optedOutThere = idsByEmail.getOrDefault(email, Set.of()).stream()
                    .map(rows::get)
                    .anyMatch(Row::optedOut);
            if (optedOutThere && unsubscribed.add(email)) {
                imported++;
            }
        }
        Map<String, TreeSet<String>> pushes = new LinkedHashMap<>();
        for (String email : touched) {
            if (unsubscribed.contains(email)) {
                for (String id : idsByEmail.getOrDefault(email, Set.of())) {
                    Row row = rows.get(id);
                    if (!row.optedOut() && !row.converted()) {
                        pushes.computeIfAbsent(row.object(), o -> new TreeSet<>())
                                .add(id);
                    }
                }
            }
        }
        Map<String, Integer> pushed = new LinkedHashMap<>();
        for (String object : OBJECTS) {
            pushed.put(object, write(object, new ArrayList<>(pushes.getOrDefault(object, new TreeSet<>()))));
        }
        unsubscribedSinceLastRun.clear();
        watermark = serverStart;
        return new Work(pulled, pushed, imported);
    }

    private int pull(String object, Set<String> touched) throws ConnectionException {
        boolean incremental = watermark != null;
        // Like the engine (ADR 0013), full reads include deleted and merged records too.
        String columns = "Id, Email, " + FIELD + (object.equals("Lead") ? ", IsConverted, ConvertedContactId" : "")
                + ", SystemModstamp, IsDeleted, MasterRecordId";
        String soql = "SELECT " + columns + " FROM " + object
                + (incremental
                        ? " WHERE SystemModstamp >= " + watermark.minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS)
                        : "");
        int count = 0;
        QueryResult page = partner.queryAll(soql);
        while (true) {
            for (SObject record : page.getRecords() == null ? new SObject[0] : page.getRecords()) {
                keep(object, record, touched);
                count++;
            }
            if (page.isDone()) {
                return count;
            }
            page = partner.queryMore(page.getQueryLocator());
        }
    }

    private void keep(String object, SObject record, Set<String> touched) {
        String id = record.getId();
        Row before = rows.remove(id);
        if (before != null && before.email() != null) {
            idsByEmail.getOrDefault(before.email(), new HashSet<>()).remove(id);
        }
        if ("true".equals(record.getField("IsDeleted"))) {
            return;
        }
        Object rawEmail = record.getField("Email");
        String email = rawEmail == null ? null : rawEmail.toString().toLowerCase(Locale.ROOT);
        Object contact = record.getField("ConvertedContactId");
        Row row = new Row(
                id,
                object,
                email,
                "true".equals(record.getField(FIELD)),
                "true".equals(record.getField("IsConverted")),
                contact == null ? null : contact.toString(),
                false);
        rows.put(id, row);
        if (email != null) {
            idsByEmail.computeIfAbsent(email, e -> new HashSet<>()).add(id);
            touched.add(email);
        }
    }

    private int write(String object, List<String> ids) throws ConnectionException {
        int written = 0;
        for (int from = 0; from < ids.size(); from += WRITE_BATCH) {
            List<String> batch = ids.subList(from, Math.min(ids.size(), from + WRITE_BATCH));
            SObject[] records = new SObject[batch.size()];
            for (int i = 0; i < records.length; i++) {
                records[i] = new SObject(object);
                records[i].setId(batch.get(i));
                records[i].setField(FIELD, true);
            }
            SaveResult[] results = partner.update(records);
            for (int i = 0; i < results.length; i++) {
                Row row = rows.get(batch.get(i));
                if (results[i].isSuccess() && row != null) {
                    rows.put(
                            row.id(),
                            new Row(
                                    row.id(),
                                    row.object(),
                                    row.email(),
                                    true,
                                    row.converted(),
                                    row.convertedContactId(),
                                    false));
                    written++;
                }
            }
        }
        return written;
    }

    /**
     * One real-time pass over addresses just unsubscribed: the records it holds for them are taken as last read,
     * except those Salesforce reports changed since its last run (asked by id, many per query), and those still
     * without the opt-out are written.
     */
    int push(Collection<String> emails) throws ConnectionException {
        unsubscribe(emails);
        Map<String, List<String>> ids = new LinkedHashMap<>();
        for (String email : emails) {
            for (String id : idsByEmail.getOrDefault(email, Set.of())) {
                ids.computeIfAbsent(rows.get(id).object(), o -> new ArrayList<>())
                        .add(id);
            }
        }
        Map<String, Row> changed = new HashMap<>();
        for (String object : OBJECTS) {
            changedSinceLastRun(object, ids.getOrDefault(object, List.of()), changed);
        }
        Set<String> wanted = new HashSet<>(emails);
        Map<String, TreeSet<String>> toWrite = new LinkedHashMap<>();
        for (List<String> some : ids.values()) {
            for (String id : some) {
                Row row = changed.getOrDefault(id, rows.get(id));
                Row target = row.converted()
                        ? changed.getOrDefault(row.convertedContactId(), rows.get(row.convertedContactId()))
                        : row;
                if (!row.deleted()
                        && row.email() != null
                        && wanted.contains(row.email())
                        && target != null
                        && !target.deleted()
                        && !target.optedOut()
                        && !target.converted()) {
                    toWrite.computeIfAbsent(target.object(), o -> new TreeSet<>())
                            .add(target.id());
                }
            }
        }
        int written = 0;
        for (String object : OBJECTS) {
            written += write(object, new ArrayList<>(toWrite.getOrDefault(object, new TreeSet<>())));
        }
        return written;
    }

    private void changedSinceLastRun(String object, List<String> ids, Map<String, Row> changed)
            throws ConnectionException {
        String head = "SELECT Id, Email, " + FIELD + (object.equals("Lead") ? ", IsConverted, ConvertedContactId" : "")
                + ", SystemModstamp, IsDeleted, MasterRecordId FROM " + object + " WHERE SystemModstamp >= "
                + watermark.minus(OVERLAP).truncatedTo(ChronoUnit.SECONDS) + " AND Id IN (";
        StringBuilder soql = new StringBuilder(head);
        for (String id : ids) {
            String quoted = "'" + id + "'";
            if (soql.length() > head.length() && soql.length() + quoted.length() + 2 > SOQL_MAX_LENGTH) {
                query(object, soql.append(')').toString(), changed);
                soql = new StringBuilder(head);
            }
            soql.append(soql.length() > head.length() ? "," : "").append(quoted);
        }
        if (soql.length() > head.length()) {
            query(object, soql.append(')').toString(), changed);
        }
    }

    private void query(String object, String soql, Map<String, Row> changed) throws ConnectionException {
        QueryResult page = partner.queryAll(soql);
        while (true) {
            for (SObject record : page.getRecords() == null ? new SObject[0] : page.getRecords()) {
                Object email = record.getField("Email");
                Object contact = record.getField("ConvertedContactId");
                changed.put(
                        record.getId(),
                        new Row(
                                record.getId(),
                                object,
                                email == null ? null : email.toString().toLowerCase(Locale.ROOT),
                                "true".equals(record.getField(FIELD)),
                                "true".equals(record.getField("IsConverted")),
                                contact == null ? null : contact.toString(),
                                "true".equals(record.getField("IsDeleted"))));
            }
            if (page.isDone()) {
                return;
            }
            page = partner.queryMore(page.getQueryLocator());
        }
    }
}
