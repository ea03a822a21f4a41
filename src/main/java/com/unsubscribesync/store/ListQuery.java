package com.unsubscribesync.store;

import com.unsubscribesync.domain.Email;

/**
 * Which people the Unsubscribes list shows: everyone who is or was unsubscribed, only those unsubscribed now, or only
 * those an admin resubscribed; narrowed to those whose address or name contains {@code search}.
 */
public record ListQuery(Shown shown, String search) {
    public enum Shown {
        ALL,
        UNSUBSCRIBED,
        RESUBSCRIBED
    }

    public ListQuery {
        search = search == null ? "" : Email.searchPrefix(search);
    }

    public static ListQuery unsubscribed(String search) {
        return new ListQuery(Shown.UNSUBSCRIBED, search);
    }

    String key() {
        return shown + "\u0000" + search;
    }
}
