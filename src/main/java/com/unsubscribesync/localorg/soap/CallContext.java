package com.unsubscribesync.localorg.soap;

/** Who makes a SOAP call and how: the session's user, the API version in the URL and the request headers. */
public record CallContext(int userRow, String sessionId, String apiVersion, String instanceUrl, XmlNode header) {

    /** The text of a header field such as QueryOptions/batchSize, or null. */
    public String headerValue(String headerName, String field) {
        if (header == null) {
            return null;
        }
        return header.child(headerName).map(h -> h.text(field)).orElse(null);
    }

    public double version() {
        return Double.parseDouble(apiVersion);
    }
}
