package com.unsubscribesync.localorg.soap;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.oauth.Sessions;

/**
 * Admits a SOAP call: the session in the SessionHeader must be live (an injected expiry ends it first), then the
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
