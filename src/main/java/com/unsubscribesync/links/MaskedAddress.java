package com.unsubscribesync.links;

import com.unsubscribesync.domain.Email;

/** An address as a page or a log line may show it: the first character of the mailbox, then stars, then the domain. */
public final class MaskedAddress {
    private MaskedAddress() {}

    public static String of(Email email) {
        String address = email.value();
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.substring(0, address.offsetByCodePoints(0, 1)) + "***" + address.substring(at);
    }
}
