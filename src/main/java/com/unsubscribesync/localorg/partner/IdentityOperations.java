package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.oauth.Sessions;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.CallGate;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.state.Directory;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.Permission;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** login (legacy, API 64.0 and below), getUserInfo and getServerTimestamp. */
final class IdentityOperations {
    private static final double LAST_VERSION_WITH_LOGIN = 64.0;

    private final OrgState state;
    private final Sessions sessions;
    private final OrgCredentials credentials;

    IdentityOperations(OrgState state, Sessions sessions, OrgCredentials credentials) {
        this.state = state;
        this.sessions = sessions;
        this.credentials = credentials;
    }

    /**
     * SOAP login() does not exist from API 65.0 on. Salesforce answers calls that a version no longer offers the
     * way it answers retired versions, so this uses UNSUPPORTED_API_VERSION with an UnexpectedErrorFault detail;
     * the client sees an ApiFault it can classify as "use OAuth instead", not a transport error.
     */
    void login(XmlNode request, CallContext context, XmlOut out) {
        if (context.version() > LAST_VERSION_WITH_LOGIN) {
            throw SoapFault.unexpected(
                    "UNSUPPORTED_API_VERSION",
                    "login() is not available in API version " + context.apiVersion()
                            + " and later; authenticate with OAuth 2.0");
        }
        String username = request.text("username");
        String password = request.text("password");
        if (!same(credentials.username(), username) || !same(credentials.password(), password)) {
            throw SoapFault.typed(
                    "LoginFault", "INVALID_LOGIN", "Invalid username, password, security token; or user locked out.");
        }
        if (!state.atomically(() -> state.directory().has(Directory.LOCAL_USER, Permission.API_ENABLED))) {
            SoapFault disabled = CallGate.apiDisabled();
            throw SoapFault.typed("LoginFault", disabled.code(), disabled.exceptionMessage());
        }
        String session = sessions.issue(Directory.LOCAL_USER);
        String org = credentials.orgId().substring(0, 15);
        String base = context.instanceUrl();
        out.open("result")
                .leaf("metadataServerUrl", base + "/services/Soap/m/" + context.apiVersion() + "/" + org)
                .leaf("passwordExpired", false)
                .leaf("sandbox", false)
                .leaf("serverUrl", base + "/services/Soap/u/" + context.apiVersion() + "/" + org)
                .leaf("sessionId", session)
                .leaf("userId", state.directory().userId(Directory.LOCAL_USER));
        userInfo(out, "userInfo", Directory.LOCAL_USER);
        out.close();
    }

    void getUserInfo(XmlNode request, CallContext context, XmlOut out) {
        userInfo(out, "result", context.userRow());
    }

    void getServerTimestamp(XmlNode request, CallContext context, XmlOut out) {
        out.open("result").leaf("timestamp", WireValues.format(state.now())).close();
    }

    private void userInfo(XmlOut out, String element, int userRow) {
        Directory directory = state.directory();
        Directory.User user = directory.user(userRow);
        out.open(element)
                .leaf("accessibilityMode", false)
                .leaf("chatterExternal", false)
                .leaf("currencySymbol", "$")
                .leaf("orgAttachmentFileSizeLimit", 5_242_880)
                .leaf("orgDefaultCurrencyIsoCode", "USD")
                .leaf("orgDefaultCurrencyLocale", "en_US")
                .leaf("orgDisallowHtmlAttachments", false)
                .leaf("orgHasPersonAccounts", false)
                .leaf("organizationId", credentials.orgId())
                .leaf("organizationMultiCurrency", false)
                .leaf("organizationName", "Unsubscribe Sync Local Org")
                .leaf("profileId", directory.profileId(user.profile()))
                .nil("roleId")
                .leaf("sessionSecondsValid", sessions.timeout().toSeconds())
                .nil("userDefaultCurrencyIsoCode")
                .leaf("userEmail", user.email())
                .leaf("userFullName", user.fullName())
                .leaf("userId", directory.userId(userRow))
                .leaf("userLanguage", "en_US")
                .leaf("userLocale", "en_US")
                .leaf("userName", user.username())
                .leaf("userTimeZone", "America/Los_Angeles")
                .leaf("userType", user.userType())
                .leaf("userUiSkin", "Theme3")
                .close();
    }

    private static boolean same(String expected, String given) {
        return given != null
                && MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
