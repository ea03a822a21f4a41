package com.unsubscribesync.salesforce;

import com.sforce.soap.partner.LoginResult;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.unsubscribesync.domain.InvalidInputException;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * The retiring SOAP {@code login()} with username and password (plus security token). Salesforce removed it from
 * API 65.0 and retires it for every version in June 2027 (Summer '27), so it is only offered against API 64.0 or
 * older, as a fallback for orgs that cannot yet create a connected app.
 */
public final class LegacyLogin implements SessionSource {
    /** When Salesforce turns SOAP login off for every API version. */
    public static final String RETIREMENT = "June 2027";

    public static final String NEWEST_VERSION = "64.0";

    private final ConnectorConfigs configs;
    private final LoginUrl loginUrl;
    private final String apiVersion;
    private final String username;
    private final String passwordAndToken;

    public LegacyLogin(
            ConnectorConfigs configs, LoginUrl loginUrl, String apiVersion, String username, String passwordAndToken) {
        if (new BigDecimal(apiVersion).compareTo(new BigDecimal(NEWEST_VERSION)) > 0) {
            throw new InvalidInputException("username and password login needs API version " + NEWEST_VERSION
                    + " or older, not " + apiVersion + ": use OAuth (connect --login-url … --client-id …)");
        }
        this.configs = configs;
        this.loginUrl = loginUrl;
        this.apiVersion = apiVersion;
        this.username = username;
        this.passwordAndToken = passwordAndToken;
    }

    /** A sentence for the admin every time this path is used. */
    public static String retirementWarning() {
        return "Username and password login is retiring in " + RETIREMENT + ": create an External Client App and use "
                + "OAuth before then.";
    }

    @Override
    public OrgSession open() {
        ConnectorConfig config = configs.legacyLogin(loginUrl, apiVersion);
        try {
            LoginResult result = new PartnerConnection(config).login(username, passwordAndToken);
            String serverUrl = result.getServerUrl();
            String instanceUrl = serverUrl.substring(0, serverUrl.indexOf("/services/"));
            return new OrgSession(
                    result.getSessionId(),
                    instanceUrl,
                    result.getUserInfo().getOrganizationId(),
                    result.getUserId(),
                    serverUrl,
                    result.getMetadataServerUrl(),
                    Optional.empty());
        } catch (ConnectionException e) {
            throw FaultClassifier.classify(e, "logging in as " + username);
        }
    }

    @Override
    public OrgSession renew() {
        return open();
    }
}
