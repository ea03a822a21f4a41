package com.unsubscribesync.salesforce;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BulkConnection;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.LimitInfo;
import com.sforce.soap.partner.LimitInfoHeader_element;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import java.io.IOException;
import java.time.Duration;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to the org goes through here, as many at once as {@link CallsInFlight} lets go: it counts the call
 * (each Bulk API request is one), records the LimitInfoHeader, renews the session once when Salesforce ends it, retries an unavailable org with
 * capped back-off and jitter, and turns any other failure into a classified {@link SalesforceException}.
 */
final class OrgCalls {
    private static final Logger LOG = LoggerFactory.getLogger(OrgCalls.class);
    private static final String PARTNER_NAMESPACE = "urn:partner.soap.sforce.com";
    private static final String METADATA_NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

    /** A call on the Partner connection. */
    @FunctionalInterface
    interface PartnerCall<T> {
        T run(PartnerConnection partner) throws ConnectionException;
    }

    /** A call on the Metadata connection. */
    @FunctionalInterface
    interface MetadataCall<T> {
        T run(MetadataConnection metadata) throws ConnectionException;
    }

    /** A request on the Bulk API 1.0 connection. */
    @FunctionalInterface
    interface BulkCall<T> {
        T run(BulkConnection bulk) throws AsyncApiException, IOException;
    }

    private final ConnectorConfigs configs;
    private final SessionSource sessions;
    private final RetryPolicy retry;
    private final CallsInFlight inFlight;
    private final AtomicLong calls = new AtomicLong();
    /** Renewals made on each thread, so that a call knows whether its own session was already renewed. */
    private final ThreadLocal<int[]> renewalsHere = ThreadLocal.withInitial(() -> new int[1]);
    /** Partner connections not in use: one per call going at once, as a connection holds its call's headers. */
    private final Deque<PartnerLine> idlePartners = new ConcurrentLinkedDeque<>();

    private final Object metadataLock = new Object();
    private final Object bulkLock = new Object();
    private final Object usageLock = new Object();
    private final Object sessionLock = new Object();
    private MetadataConnection metadata;
    private BulkConnection bulk;
    private volatile OrgSession session;
    private volatile ApiUsage usage;
    /** Answers whose LimitInfoHeader was read so far, to tell when answers to calls going at once crossed. */
    private long answers;

    /** A Partner connection and the session it last spoke with. */
    private static final class PartnerLine {
        final PartnerConnection connection;
        String sessionId;

        PartnerLine(PartnerConnection connection, String sessionId) {
            this.connection = connection;
            this.sessionId = sessionId;
        }
    }

    /** Calls one at a time. */
    OrgCalls(ConnectorConfigs configs, SessionSource sessions) {
        this(configs, sessions, new CallsInFlight(() -> 1));
    }

    OrgCalls(ConnectorConfigs configs, SessionSource sessions, CallsInFlight inFlight) {
        this.configs = configs;
        this.sessions = sessions;
        this.retry = configs.options().retry();
        this.inFlight = inFlight;
        this.session = sessions.open();
        idlePartners.push(newPartner());
    }

    private PartnerLine newPartner() {
        OrgSession current = session;
        ConnectorConfig config = configs.partner(current);
        config.setSessionRenewer(renewer(PARTNER_NAMESPACE, sessionId -> {
            SessionHeader_element header = new SessionHeader_element();
            header.setSessionId(sessionId);
            return header;
        }));
        try {
            PartnerConnection partner = new PartnerConnection(config);
            partner.setQueryOptions(2000);
            partner.setCallOptions(configs.options().clientName(), null);
            return new PartnerLine(partner, current.sessionId());
        } catch (ConnectionException e) {
            throw FaultClassifier.classify(e, "opening the connection");
        }
    }

    OrgSession session() {
        return session;
    }

    long callsMade() {
        return calls.get();
    }

    Optional<ApiUsage> usage() {
        return Optional.ofNullable(usage);
    }

    /** The cap on calls at once, and the threads that send several calls of one piece of work together. */
    CallsInFlight inFlight() {
        return inFlight;
    }

    <T> T partner(String what, PartnerCall<T> call) {
        return partner(what, CallsInFlight.ALWAYS, call);
    }

    /** A Partner call sent only once {@code admission} lets it go, counting the calls going at that moment. */
    <T> T partner(String what, CallsInFlight.Admission admission, PartnerCall<T> call) {
        return run(what, admission, () -> {
            PartnerLine line = idlePartners.poll();
            if (line == null) {
                line = newPartner();
            }
            try {
                OrgSession current = session;
                if (!current.sessionId().equals(line.sessionId)) {
                    line.connection.setSessionHeader(current.sessionId());
                    line.connection.getConfig().setSessionId(current.sessionId());
                    line.sessionId = current.sessionId();
                }
                long answersBefore = answersSoFar();
                try {
                    return call.run(line.connection);
                } finally {
                    record(line.connection.getLimitInfoHeader(), answersBefore);
                }
            } finally {
                idlePartners.push(line);
            }
        });
    }

    <T> T metadata(String what, MetadataCall<T> call) {
        return run(what, CallsInFlight.ALWAYS, () -> {
            synchronized (metadataLock) {
                return call.run(metadataConnection());
            }
        });
    }

    /**
     * A Bulk API request. Bulk answers carry no LimitInfoHeader, so the last known usage is moved on by one for each
     * answered request until the next SOAP call reports the org's own count.
     */
    <T> T bulk(String what, BulkCall<T> call) {
        T answer = run(what, CallsInFlight.ALWAYS, () -> {
            synchronized (bulkLock) {
                return call.run(bulkConnection());
            }
        });
        synchronized (usageLock) {
            ApiUsage known = usage;
            if (known != null) {
                usage = new ApiUsage(known.used() + 1, known.limit());
            }
        }
        return answer;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws Exception;
    }

    private <T> T run(String what, CallsInFlight.Admission admission, Attempt<T> attempt) {
        inFlight.enter(admission);
        try {
            return tried(what, attempt);
        } finally {
            inFlight.leave();
        }
    }

    private <T> T tried(String what, Attempt<T> attempt) {
        int failures = 0;
        boolean renewedHere = false;
        int[] renewals = renewalsHere.get();
        while (true) {
            int renewalsBefore = renewals[0];
            String sentWith = session.sessionId();
            calls.incrementAndGet();
            try {
                return attempt.run();
            } catch (Exception e) {
                boolean renewedByClient = renewals[0] != renewalsBefore;
                if (FaultClassifier.isInvalidSession(e) && !renewedHere && !renewedByClient) {
                    renewedHere = true;
                    renewSession(sentWith);
                    continue;
                }
                SalesforceException failure = FaultClassifier.classify(e, what);
                if (failure.kind() == SalesforceException.Kind.UNAVAILABLE && ++failures < retry.attempts()) {
                    Duration delay = retry.delayAfter(failures);
                    LOG.warn(
                            "Salesforce unavailable while {} (try {} of {}, {}); trying again in {} ms",
                            what,
                            failures,
                            retry.attempts(),
                            failure.statusCode().orElse("?"),
                            delay.toMillis());
                    pause(delay, failure);
                    continue;
                }
                LOG.warn(
                        "Salesforce call failed while {}: {} {}",
                        what,
                        failure.kind(),
                        failure.statusCode().orElse(""));
                throw failure;
            }
        }
    }

    private void pause(Duration delay, SalesforceException failure) {
        try {
            retry.sleeper().sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private long answersSoFar() {
        synchronized (usageLock) {
            return answers;
        }
    }

    /**
     * Keeps the org's count of API requests. Answers to calls going at once may arrive out of the order the org
     * counted them in, so when another answer came in while this call was going, the count only moves up.
     */
    private void record(LimitInfoHeader_element header, long answersBefore) {
        if (header == null || header.getLimitInfo() == null) {
            return;
        }
        for (LimitInfo info : header.getLimitInfo()) {
            if ("API REQUESTS".equals(info.getType())) {
                synchronized (usageLock) {
                    ApiUsage known = usage;
                    boolean crossed = answers != answersBefore && known != null && known.limit() == info.getLimit();
                    usage = new ApiUsage(
                            crossed ? Math.max(known.used(), info.getCurrent()) : info.getCurrent(), info.getLimit());
                    answers++;
                }
            }
        }
    }

    /**
     * A new session for every connection, unless another call already replaced the one that was refused; a refusal
     * is an authentication failure the admin must fix. Each connection takes the new session on its next call.
     */
    private OrgSession renewSession(String refused) {
        renewalsHere.get()[0]++;
        synchronized (sessionLock) {
            OrgSession current = session;
            if (refused != null && !refused.equals(current.sessionId())) {
                return current;
            }
            OrgSession fresh = sessions.renew();
            session = fresh;
            LOG.info("Salesforce session renewed");
            return fresh;
        }
    }

    private interface HeaderFactory {
        Object create(String sessionId);
    }

    private SessionRenewer renewer(String namespace, HeaderFactory headers) {
        return config -> {
            OrgSession fresh = renewSession(config.getSessionId());
            config.setSessionId(fresh.sessionId());
            SessionRenewer.SessionRenewalHeader renewal = new SessionRenewer.SessionRenewalHeader();
            renewal.name = new QName(namespace, "SessionHeader");
            renewal.headerElement = headers.create(fresh.sessionId());
            return renewal;
        };
    }

    private String metadataSession;
    private String bulkSession;

    private MetadataConnection metadataConnection() throws ConnectionException {
        OrgSession current = session;
        if (metadata != null && !current.sessionId().equals(metadataSession)) {
            metadata.setSessionHeader(current.sessionId());
            metadata.getConfig().setSessionId(current.sessionId());
        }
        metadataSession = current.sessionId();
        if (metadata == null) {
            ConnectorConfig config = configs.metadata(current);
            config.setSessionRenewer(renewer(METADATA_NAMESPACE, sessionId -> {
                com.sforce.soap.metadata.SessionHeader_element header =
                        new com.sforce.soap.metadata.SessionHeader_element();
                header.setSessionId(sessionId);
                return header;
            }));
            metadata = new MetadataConnection(config);
        }
        return metadata;
    }

    private BulkConnection bulkConnection() throws AsyncApiException {
        OrgSession current = session;
        if (bulk == null) {
            bulk = new BulkConnection(configs.bulk(current));
        } else if (!current.sessionId().equals(bulkSession)) {
            bulk.getConfig().setSessionId(current.sessionId());
        }
        bulkSession = current.sessionId();
        return bulk;
    }
}
