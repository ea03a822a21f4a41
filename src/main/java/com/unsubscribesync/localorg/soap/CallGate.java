package com.unsubscribesync.localorg.soap;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.oauth.Sessions;

/**
 * Admits an API call: its session must be live (an injected expiry ends it first), then the
 * call is counted against the daily API allocation.
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
        if (sessionId != null && faults.sessionExpiresNow()) {
            sessions.expire(sessionId);
        }
        Sessions.Session session = sessions.use(sessionId).orElseThrow(SoapFault::invalidSession);
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
