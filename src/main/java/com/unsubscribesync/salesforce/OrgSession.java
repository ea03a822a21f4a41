package com.unsubscribesync.salesforce;

import java.util.Optional;

/**
 * A live session with an org: the session id (an OAuth access token, or a legacy login's session) and where its
 * SOAP endpoints are. {@link #toString()} never shows the session id or refresh token.
 *
 * @param refreshToken  given by the authorization-code flow when the connected app has the refresh scope
 */
public record OrgSession(
        String sessionId,
        String instanceUrl,
        String organizationId,
        String userId,
        String partnerEndpoint,
        String metadataEndpoint,
        Optional<String> refreshToken) {

    /** The session id travels with every call, so an org that points us at plain http off this machine is refused. */
    public OrgSession {
        for (String endpoint : new String[] {instanceUrl, partnerEndpoint, metadataEndpoint}) {
            java.net.URI address = java.net.URI.create(endpoint);
            if (!"https".equalsIgnoreCase(address.getScheme()) && !LoginUrl.isLoopback(address.getHost())) {
                throw new SalesforceException(
                        SalesforceException.Kind.AUTHENTICATION,
                        null,
                        "The org answered with "
                                + "the address " + address.getScheme() + "://" + address.getHost()
                                + ", which is not https: "
                                + "the session was not used. Check the login URL and connect again.",
                        null);
            }
        }
    }

    /** A session from an OAuth token response, using the API version this app is built for. */
    static OrgSession fromOAuth(
            String accessToken, String instanceUrl, String identityUrl, Optional<String> refreshToken) {
        String[] parts = identityUrl.split("/");
        if (parts.length < 2) {
            throw new SalesforceException(
                    SalesforceException.Kind.AUTHENTICATION,
                    null,
                    "The org's token answer has no identity address, so the org cannot be told apart: try "
                            + "connecting again.",
                    null);
        }
        String orgId = parts[parts.length - 2];
        String userId = parts[parts.length - 1];
        String base = instanceUrl.endsWith("/") ? instanceUrl.substring(0, instanceUrl.length() - 1) : instanceUrl;
        String org = "/" + orgId.substring(0, Math.min(15, orgId.length()));
        return new OrgSession(
                accessToken,
                base,
                orgId,
                userId,
                base + "/services/Soap/u/" + ConnectorConfigs.API_VERSION + org,
                base + "/services/Soap/m/" + MetadataApiVersion.SHIPPED + org,
                refreshToken);
    }

    /** Where Bulk API 1.0 is: the instance's {@code /services/async/<version>}. */
    public String bulkEndpoint() {
        return instanceUrl + "/services/async/" + ConnectorConfigs.API_VERSION;
    }

    OrgSession withSessionId(String value) {
        return new OrgSession(
                value, instanceUrl, organizationId, userId, partnerEndpoint, metadataEndpoint, refreshToken);
    }

    @Override
    public String toString() {
        return "OrgSession[instanceUrl=" + instanceUrl + ", organizationId=" + organizationId + ", userId=" + userId
                + "]";
    }
}
