package com.unsubscribesync.localorg;

import com.sforce.async.AsyncApiException;
import com.sforce.async.BulkConnection;
import com.sforce.soap.metadata.MetadataConnection;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;

/** Real force-wsc connections to a running local org, configured the way the app configures them. */
final class Clients {
    static final String VERSION = "65.0";

    private Clients() {}

    static ConnectorConfig partnerConfig(LocalOrg org, String sessionId) {
        ConnectorConfig config = new ConnectorConfig();
        config.setManualLogin(true);
        config.setAuthEndpoint(org.authEndpoint(VERSION));
        config.setServiceEndpoint(org.partnerEndpoint(VERSION));
        config.setSessionId(sessionId);
        config.setConnectionTimeout(5_000);
        config.setReadTimeout(20_000);
        return config;
    }

    static PartnerConnection partner(LocalOrg org) throws ConnectionException {
        return new PartnerConnection(partnerConfig(org, org.issueAccessToken()));
    }

    static MetadataConnection metadata(LocalOrg org) throws ConnectionException {
        ConnectorConfig config = new ConnectorConfig();
        config.setServiceEndpoint(org.metadataEndpoint(VERSION));
        config.setSessionId(org.issueAccessToken());
        config.setConnectionTimeout(5_000);
        config.setReadTimeout(20_000);
        return new MetadataConnection(config);
    }

    /** A Bulk API 1.0 connection with the given session, compressing requests as force-wsc does by default. */
    static BulkConnection bulk(LocalOrg org, String sessionId) throws AsyncApiException {
        ConnectorConfig config = new ConnectorConfig();
        config.setRestEndpoint(org.asyncEndpoint(VERSION));
        config.setSessionId(sessionId);
        config.setCompression(true);
        config.setConnectionTimeout(5_000);
        config.setReadTimeout(20_000);
        return new BulkConnection(config);
    }
}
