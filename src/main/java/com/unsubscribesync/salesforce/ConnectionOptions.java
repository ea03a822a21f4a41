package com.unsubscribesync.salesforce;

import java.time.Duration;

/**
 * How connections to an org behave: network timeouts, the name the app gives itself in every request, how often an
 * unavailable org is tried again, and how Bulk API jobs are watched.
 */
public record ConnectionOptions(
        Duration connectTimeout, Duration readTimeout, String clientName, RetryPolicy retry, BulkPolling bulkPolling) {

    public ConnectionOptions(Duration connectTimeout, Duration readTimeout, String clientName, RetryPolicy retry) {
        this(connectTimeout, readTimeout, clientName, retry, BulkPolling.defaults());
    }

    /** Ten seconds to connect, ten minutes to read (Salesforce's own call timeout), five tries. */
    public static ConnectionOptions defaults(String clientName) {
        return new ConnectionOptions(
                Duration.ofSeconds(10), Duration.ofMinutes(10), clientName, RetryPolicy.defaults());
    }

    public ConnectionOptions withRetry(RetryPolicy value) {
        return new ConnectionOptions(connectTimeout, readTimeout, clientName, value, bulkPolling);
    }

    public ConnectionOptions withReadTimeout(Duration value) {
        return new ConnectionOptions(connectTimeout, value, clientName, retry, bulkPolling);
    }

    public ConnectionOptions withBulkPolling(BulkPolling value) {
        return new ConnectionOptions(connectTimeout, readTimeout, clientName, retry, value);
    }
}
