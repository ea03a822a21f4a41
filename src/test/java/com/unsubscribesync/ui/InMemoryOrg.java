package com.unsubscribesync.ui;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.PersonMatch;
import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.domain.SalesforceId;
import com.unsubscribesync.salesforce.ApiUsage;
import com.unsubscribesync.salesforce.FieldCheck;
import com.unsubscribesync.salesforce.FieldPlacement;
import com.unsubscribesync.salesforce.LayoutPermissions;
import com.unsubscribesync.salesforce.ListedLayout;
import com.unsubscribesync.salesforce.OpenOrg;
import com.unsubscribesync.salesforce.OptOutFieldRequest;
import com.unsubscribesync.salesforce.OrgIdentity;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.PageLayout;
import com.unsubscribesync.salesforce.SalesforceBulk;
import com.unsubscribesync.salesforce.SalesforceException;
import com.unsubscribesync.salesforce.SalesforceLayouts;
import com.unsubscribesync.salesforce.SalesforceOrg;
import com.unsubscribesync.salesforce.WriteOutcome;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A Salesforce org in memory, for console tests that need the engine to run: the records, both opt-out fields,
 * and a log of which field each write went to; it has no page layouts. (Salesforce behaviour itself is tested against
 * the local org.)
 */
public final class InMemoryOrg implements SalesforceOrg, SalesforceBulk {
    public static final String PACKAGE_FIELD = "MSI_Sales_Opt_Out__c";

    private final Map<SalesforceId, Row> rows = new LinkedHashMap<>();
    private final List<String> writtenFields = new CopyOnWriteArrayList<>();
    private final long delayPerChunkMillis;
    private long calls;

    private static final class Row {
        final SalesforceId id;
        final Email email;
        final Set<String> optedOut = new HashSet<>();

        Row(SalesforceId id, Email email) {
            this.id = id;
            this.email = email;
        }
    }

    public InMemoryOrg(long delayPerChunkMillis) {
        this.delayPerChunkMillis = delayPerChunkMillis;
    }

    public synchronized void add(SalesforceId id, Email email, boolean optedOut) {
        Row row = new Row(id, email);
        if (optedOut) {
            row.optedOut.add(OptOutField.EMAIL_OPT_OUT_API_NAME);
        }
        rows.put(id, row);
    }

    /** The API name of every field written, one entry per write call. */
    public List<String> writtenFields() {
        return writtenFields;
    }

    @Override
    public OrgIdentity identity() {
        return new OrgIdentity(
                "00D000000000001AAA",
                "Test Org",
                "005000000000001AAA",
                "admin@test.example",
                "https://test.example",
                true);
    }

    @Override
    public synchronized FieldCheck checkField(OptOutFieldRequest request) {
        calls++;
        String name = request.field() == OptOutField.EMAIL_OPT_OUT
                ? OptOutField.EMAIL_OPT_OUT_API_NAME
                : request.apiNameOverride().orElse(PACKAGE_FIELD);
        Map<SObjectType, FieldCheck.ObjectField> objects = new EnumMap<>(SObjectType.class);
        for (SObjectType type : SObjectType.values()) {
            objects.put(type, new FieldCheck.ObjectField(Optional.of(name), true, true, true, Optional.empty()));
        }
        return new FieldCheck(objects);
    }

    @Override
    public void pullChanged(
            SObjectType type,
            String field,
            Optional<Instant> since,
            long bulkQueryFrom,
            Consumer<List<OrgRecord>> chunk) {
        List<OrgRecord> all;
        synchronized (this) {
            all = rows.values().stream()
                    .filter(r -> r.id.objectType() == type)
                    .map(r -> record(r, field))
                    .toList();
        }
        for (int from = 0; from < all.size(); from += 2000) {
            synchronized (this) {
                calls++;
            }
            pause();
            chunk.accept(all.subList(from, Math.min(all.size(), from + 2000)));
        }
    }

    @Override
    public synchronized List<OrgRecord> findByEmails(SObjectType type, String field, Collection<Email> emails) {
        calls++;
        Set<Email> wanted = new HashSet<>(emails);
        return rows.values().stream()
                .filter(r -> r.id.objectType() == type && wanted.contains(r.email))
                .map(r -> record(r, field))
                .toList();
    }

    @Override
    public synchronized List<OrgRecord> findByIds(SObjectType type, String field, Collection<SalesforceId> ids) {
        calls++;
        return ids.stream()
                .map(rows::get)
                .filter(r -> r != null && r.id.objectType() == type)
                .map(r -> record(r, field))
                .toList();
    }

    /** Reports every record as changed: this org keeps no modification times, and reporting more is allowed. */
    @Override
    public List<OrgRecord> changedSince(SObjectType type, String field, Collection<SalesforceId> ids, Instant since) {
        return findByIds(type, field, ids);
    }

    @Override
    public List<OrgRecord> deletedBetween(SObjectType type, String field, Instant start, Instant end) {
        return List.of();
    }

    @Override
    public List<WriteOutcome> setOptOut(SObjectType type, String field, List<SalesforceId> ids, boolean value) {
        pause();
        synchronized (this) {
            calls++;
            writtenFields.add(field);
            List<WriteOutcome> outcomes = new ArrayList<>();
            for (SalesforceId id : ids) {
                Row row = rows.get(id);
                if (value) {
                    row.optedOut.add(field);
                } else {
                    row.optedOut.remove(field);
                }
                outcomes.add(WriteOutcome.written(id));
            }
            return outcomes;
        }
    }

    @Override
    public synchronized List<PersonMatch> findPeople(String text, int limit) {
        calls++;
        return rows.values().stream()
                .filter(r -> r.email.value().contains(text.strip().toLowerCase()))
                .limit(limit)
                .map(r -> new PersonMatch(r.id, r.email.value(), Optional.of(r.email.value())))
                .toList();
    }

    @Override
    public synchronized Optional<PersonMatch> findPerson(SalesforceId id) {
        calls++;
        return Optional.ofNullable(rows.get(id))
                .map(r -> new PersonMatch(r.id, r.email.value(), Optional.of(r.email.value())));
    }

    @Override
    public Optional<Boolean> isSandbox() {
        return Optional.empty();
    }

    /** Writes as {@link #setOptOut} does; the console's tests do not tell the two paths apart. */
    @Override
    public List<WriteOutcome> setOptOutInBulk(SObjectType type, String field, List<SalesforceId> ids, boolean value) {
        return setOptOut(type, field, ids, value);
    }

    @Override
    public synchronized Optional<ApiUsage> apiUsage() {
        return Optional.of(new ApiUsage(calls, 15_000));
    }

    @Override
    public synchronized long callsMade() {
        return calls;
    }

    @Override
    public Instant serverTime() {
        return Instant.now();
    }

    /** This org as a connection, whose page layouts refuse every call. */
    public OpenOrg open() {
        return new OpenOrg() {
            @Override
            public SalesforceOrg records() {
                return InMemoryOrg.this;
            }

            @Override
            public SalesforceBulk bulk() {
                return InMemoryOrg.this;
            }

            @Override
            public SalesforceLayouts layouts() {
                return NO_LAYOUTS;
            }

            @Override
            public void close() {}
        };
    }

    private static final SalesforceLayouts NO_LAYOUTS = new SalesforceLayouts() {
        @Override
        public LayoutPermissions layoutPermissions() {
            throw refused();
        }

        @Override
        public Map<SObjectType, List<ListedLayout>> listLayouts(Set<SObjectType> types) {
            throw refused();
        }

        @Override
        public List<PageLayout> readLayouts(List<String> fullNames) {
            throw refused();
        }

        @Override
        public PageLayout addField(PageLayout current, FieldPlacement placement) {
            throw refused();
        }

        @Override
        public void restoreLayout(String fullName, String document) {
            throw refused();
        }

        private SalesforceException refused() {
            return new SalesforceException(
                    SalesforceException.Kind.REFUSED,
                    "NO_LAYOUTS",
                    "The in-memory org has no " + "page layouts.",
                    null);
        }
    };

    private void pause() {
        if (delayPerChunkMillis > 0) {
            try {
                Thread.sleep(delayPerChunkMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static OrgRecord record(Row row, String field) {
        return new OrgRecord(
                row.id,
                Optional.of(row.email),
                Optional.of(row.email.value()),
                row.optedOut.contains(field),
                false,
                Optional.empty(),
                false,
                Optional.empty(),
                Instant.parse("2024-01-01T00:00:00Z"));
    }
}
