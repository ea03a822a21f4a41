package com.unsubscribesync.localorg.soap;

import com.sun.net.httpserver.HttpExchange;
import com.unsubscribesync.localorg.faults.CallFault;
import com.unsubscribesync.localorg.faults.Faults;
import java.io.IOException;
import java.time.Duration;

/** The injected faults that strike a request before the org reads it: latency, a maintenance page, a dropped line. */
public final class TransportFaults {
    private static final String MAINTENANCE_PAGE = "<!DOCTYPE html><html><head><title>Down for maintenance</title>"
            + "</head><body><h1>Service unavailable</h1><p>This org is down for scheduled maintenance. Please try"
            + " again later.</p></body></html>";

    private TransportFaults() {
    }

    /** Waits the injected latency; returns true when an injected fault has already answered (or dropped) the call. */
    public static boolean strike(HttpExchange exchange, Faults faults) throws IOException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        CallFault callFault = faults.nextCall();
        if (callFault == CallFault.MAINTENANCE_PAGE) {
            HttpBodies.send(exchange, 503, "text/html; charset=utf-8", MAINTENANCE_PAGE);
        }
        return callFault != CallFault.NONE;
    }
}
