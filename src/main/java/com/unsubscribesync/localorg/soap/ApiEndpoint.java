package com.unsubscribesync.localorg.soap;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.unsubscribesync.localorg.faults.CallFault;
import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.http.HttpBodies;
import com.unsubscribesync.localorg.latency.CallLatency;
import java.io.IOException;
import java.time.Duration;

/**
 * An API service of the org (SOAP or Bulk). Every request is read whole, then meets the injected faults that strike
 * before the org looks at it: latency, a maintenance page, a dropped line. An answer is held back for the time the
 * latency profile gives its operation and rows, on the worker that serves it, so calls in parallel wait in parallel.
 */
public abstract class ApiEndpoint implements HttpHandler {
    private static final String MAINTENANCE_PAGE = "<!DOCTYPE html><html><head><title>Down for maintenance</title>"
            + "</head><body><h1>Service unavailable</h1><p>This org is down for scheduled maintenance. Please try"
            + " again later.</p></body></html>";

    private final Faults faults;
    private final CallLatency latency;
    private final int maxRequestBytes;
    /** Whether the request this worker serves is still counted as being served; it stops just before its answer. */
    private final ThreadLocal<boolean[]> serving = ThreadLocal.withInitial(() -> new boolean[1]);

    /** @param maxRequestBytes the longest request body this service reads, as sent and once gunzipped */
    protected ApiEndpoint(Faults faults, CallLatency latency, int maxRequestBytes) {
        this.faults = faults;
        this.latency = latency;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** Whether answers go out at once, so nothing need be counted for their latency. */
    protected final boolean answersAtOnce() {
        return latency.profile().isZero();
    }

    /** Sends an answer once the profile's time for this operation and this many rows or records has passed. */
    protected final void send(
            HttpExchange exchange, int status, String contentType, String text, String operation, int rows)
            throws IOException {
        latency.hold(operation, rows);
        // A caller may send its next call the moment this answer arrives: it must not seem to overlap this one.
        done();
        HttpBodies.send(exchange, status, contentType, text);
    }

    /** Sends a body kept gzipped (see {@link HttpBodies#sendGzipped}), after the profile's time as {@link #send}. */
    protected final void sendGzipped(
            HttpExchange exchange,
            int status,
            String contentType,
            byte[] gzipped,
            long length,
            String operation,
            int rows)
            throws IOException {
        latency.hold(operation, rows);
        done();
        HttpBodies.sendGzipped(exchange, status, contentType, gzipped, length);
    }

    /** Answers a request whose body is longer than the service reads, as Salesforce's service does. */
    protected abstract void refuseTooLarge(HttpExchange exchange, int limit) throws IOException;

    /** Whether this service as a whole is down for maintenance now (an injected outage). */
    protected boolean down() {
        return false;
    }

    /** Answers a request that no injected fault took. */
    protected abstract void serve(HttpExchange exchange, byte[] body) throws IOException;

    @Override
    public final void handle(HttpExchange exchange) throws IOException {
        latency.atOnce().started();
        serving.get()[0] = true;
        try (exchange) {
            byte[] body;
            try {
                body = HttpBodies.read(exchange, maxRequestBytes);
            } catch (HttpBodies.TooLarge e) {
                refuseTooLarge(exchange, e.limit());
                return;
            }
            Duration latency = faults.latency();
            if (!latency.isZero()) {
                try {
                    Thread.sleep(latency.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            CallFault callFault = faults.nextCall();
            if (callFault == CallFault.MAINTENANCE_PAGE || (callFault == CallFault.NONE && down())) {
                HttpBodies.send(exchange, 503, "text/html; charset=utf-8", MAINTENANCE_PAGE);
            } else if (callFault == CallFault.NONE) {
                serve(exchange, body);
            }
        } finally {
            done();
        }
    }

    private void done() {
        boolean[] counted = serving.get();
        if (counted[0]) {
            counted[0] = false;
            latency.atOnce().ended();
        }
    }
}
