package com.unsubscribesync.localorg.soap;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.oauth.Sessions;

/**
 * Admits an API call: its session must be live (an injected expiry may end it now), then the call is counted
 * against the daily API allocation. A refused session costs no call; every admitted request counts, a client's
 * retry of a call included, as Salesforce counts every request that reaches it.
 */
public final class CallGate {
    private final Sessions sessions;
    private final ApiUsage usage;
    private final Faults faults;

    public CallGate(Sessions sessions, ApiUsage usage, Faults faults) {
        this.sessions = sessions;
        this.usage = usage;
        this.faults = faults;
    }

    public CallContext admit(XmlNode header, String apiVersion, String instanceUrl) {
        String sessionId = header == null ? null
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
