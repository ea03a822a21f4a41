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
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.xml.namespace.QName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to the org goes through here, one at a time: it counts the call (each Bulk API request is one),
 * records the LimitInfoHeader, renews the session once when Salesforce ends it, retries an unavailable org with
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

    private final ConnectorConfigs configs;
    private final SessionSource sessions;
    private final RetryPolicy retry;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicInteger renewals = new AtomicInteger();
    /** A request on the Bulk API 1.0 connection. */
    @FunctionalInterface
    interface BulkCall<T> {
        T run(BulkConnection bulk) throws AsyncApiException, IOException;
    }

    private final PartnerConnection partner;
    private MetadataConnection metadata;
    private BulkConnection bulk;
    private volatile OrgSession session;
    private volatile ApiUsage usage;

    OrgCalls(ConnectorConfigs configs, SessionSource sessions) {
        this.configs = configs;
        this.sessions = sessions;
        this.retry = configs.options().retry();
        this.session = sessions.open();
        ConnectorConfig config = configs.partner(session);
        config.setSessionRenewer(renewer(PARTNER_NAMESPACE, sessionId -> {
            SessionHeader_element header = new SessionHeader_element();
            header.setSessionId(sessionId);
            return header;
        }));
        try {
            this.partner = new PartnerConnection(config);
        } catch (ConnectionException e) {
            throw FaultClassifier.classify(e, "opening the connection");
        }
        partner.setQueryOptions(2000);
        partner.setCallOptions(configs.options().clientName(), null);
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

    synchronized <T> T partner(String what, PartnerCall<T> call) {
        return run(what, () -> {
            try {
                return call.run(partner);
            } finally {
                record(partner.getLimitInfoHeader());
            }
        });
    }

    synchronized <T> T metadata(String what, MetadataCall<T> call) {
        return run(what, () -> call.run(metadataConnection()));
    }

    /**
     * A Bulk API request. Bulk answers carry no LimitInfoHeader, so the last known usage is moved on by one for each
     * answered request until the next SOAP call reports the org's own count.
     */
    synchronized <T> T bulk(String what, BulkCall<T> call) {
        T answer = run(what, () -> call.run(bulkConnection()));
        ApiUsage known = usage;
        if (known != null) {
            usage = new ApiUsage(known.used() + 1, known.limit());
        }
        return answer;
    }

    @FunctionalInterface
    private interface Attempt<T> {
        T run() throws Exception;
    }

    private <T> T run(String what, Attempt<T> attempt) {
        int failures = 0;
        boolean renewedHere = false;
        while (true) {
            int renewalsBefore = renewals.get();
            calls.incrementAndGet();
            try {
                return attempt.run();
            } catch (Exception e) {
                boolean renewedByClient = renewals.get() != renewalsBefore;
                if (FaultClassifier.isInvalidSession(e) && !renewedHere && !renewedByClient) {
                    renewedHere = true;
                    renewSession();
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

    private void record(LimitInfoHeader_element header) {
        if (header == null || header.getLimitInfo() == null) {
            return;
        }
        for (LimitInfo info : header.getLimitInfo()) {
            if ("API REQUESTS".equals(info.getType())) {
                usage = new ApiUsage(info.getCurrent(), info.getLimit());
            }
        }
    }

    /** A new session for every connection; a refusal is an authentication failure the admin must fix. */
    private OrgSession renewSession() {
        OrgSession fresh = sessions.renew();
        session = fresh;
        renewals.incrementAndGet();
        partner.setSessionHeader(fresh.sessionId());
        partner.getConfig().setSessionId(fresh.sessionId());
        if (metadata != null) {
            metadata.setSessionHeader(fresh.sessionId());
            metadata.getConfig().setSessionId(fresh.sessionId());
        }
        if (bulk != null) {
            bulk.getConfig().setSessionId(fresh.sessionId());
        }
        LOG.info("Salesforce session renewed");
        return fresh;
    }

    private interface HeaderFactory {
        Object create(String sessionId);
    }

    private SessionRenewer renewer(String namespace, HeaderFactory headers) {
        return config -> {
            OrgSession fresh = renewSession();
            config.setSessionId(fresh.sessionId());
            SessionRenewer.SessionRenewalHeader renewal = new SessionRenewer.SessionRenewalHeader();
            renewal.name = new QName(namespace, "SessionHeader");
            renewal.headerElement = headers.create(fresh.sessionId());
            return renewal;
        };
    }

    private MetadataConnection metadataConnection() throws ConnectionException {
        if (metadata == null) {
            ConnectorConfig config = configs.metadata(session);
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
        if (bulk == null) {
            bulk = new BulkConnection(configs.bulk(session));
        }
        return bulk;
    }
}
