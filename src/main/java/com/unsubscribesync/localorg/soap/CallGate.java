package com.unsubscribesync.localorg.soap;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.oauth.Sessions;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.Permission;

/**
 * Admits an API call: its session must be live (an injected expiry may end it now) and its user must have API
 * Enabled, then the call is counted against the daily API allocation. A refused call costs nothing; every admitted
 * request counts, a client's retry of a call included, as Salesforce counts every request that reaches it.
 */
public final class CallGate {
    /** The code Salesforce refuses calls with when the user lacks API Enabled. */
    public static final String API_DISABLED = "API_CURRENTLY_DISABLED";

    private final Sessions sessions;
    private final ApiUsage usage;
    private final Faults faults;
    private final OrgState state;

    public CallGate(Sessions sessions, ApiUsage usage, Faults faults, OrgState state) {
        this.sessions = sessions;
        this.usage = usage;
        this.faults = faults;
        this.state = state;
    }

    /** Salesforce's refusal of every API call by a user whose profile and permission sets lack API Enabled. */
    public static SoapFault apiDisabled() {
        return SoapFault.unexpected(API_DISABLED, "API is disabled for this User");
    }

    public CallContext admit(XmlNode header, String apiVersion, String instanceUrl) {
        String sessionId = header == null
                ? null
                : header.child("SessionHeader").map(h -> h.text("sessionId")).orElse(null);
        return admit(sessionId, apiVersion, instanceUrl, header);
    }

    /** Admits a call that carries its session elsewhere (the Bulk API's X-SFDC-Session header). */
    public CallContext admit(String sessionId, String apiVersion, String instanceUrl, XmlNode header) {
        Sessions.Session session = sessions.use(sessionId).orElseThrow(SoapFault::invalidSession);
        if (faults.sessionExpiresNow(sessionId)) {
            sessions.expire(sessionId);
            throw SoapFault.invalidSession();
        }
        if (!state.atomically(() -> state.directory().has(session.userRow(), Permission.API_ENABLED))) {
            throw apiDisabled();
        }
        usage.consume();
        return new CallContext(session.userRow(), sessionId, apiVersion, instanceUrl, header);
    }

    public ApiUsage usage() {
        return usage;
    }

    public Sessions sessions() {
        return sessions;
    }
}
