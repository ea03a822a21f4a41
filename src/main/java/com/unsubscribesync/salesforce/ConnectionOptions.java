package com.unsubscribesync.salesforce;

import java.time.Duration;

/**
 * How connections to an org behave: network timeouts, the name the app gives itself in every request, and how
 * often an unavailable org is tried again.
 */
public record ConnectionOptions(Duration connectTimeout, Duration readTimeout, String clientName,
        RetryPolicy retry) {

    /** Ten seconds to connect, ten minutes to read (Salesforce's own call timeout), five tries. */
    public static ConnectionOptions defaults(String clientName) {
        return new ConnectionOptions(Duration.ofSeconds(10), Duration.ofMinutes(10), clientName,
                RetryPolicy.defaults());
    }

    public ConnectionOptions withRetry(RetryPolicy value) {
        return new ConnectionOptions(connectTimeout, readTimeout, clientName, value);
    }

    public ConnectionOptions withReadTimeout(Duration value) {
        return new ConnectionOptions(connectTimeout, value, clientName, retry);
    }
}
