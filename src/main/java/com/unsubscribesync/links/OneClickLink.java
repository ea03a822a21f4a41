package com.unsubscribesync.links;

import java.net.URI;
import java.util.List;

/** A signed one-click unsubscribe link and the two header lines an email carries for it (RFC 2369, RFC 8058). */
public record OneClickLink(URI url) {
    public static final String POST_BODY = "List-Unsubscribe=One-Click";

    /** {@code List-Unsubscribe: <URL>} */
    public String listUnsubscribeHeader() {
        return "List-Unsubscribe: <" + url + ">";
    }

    /** {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click} */
    public String listUnsubscribePostHeader() {
        return "List-Unsubscribe-Post: " + POST_BODY;
    }

    public List<String> headers() {
        return List.of(listUnsubscribeHeader(), listUnsubscribePostHeader());
    }
}
