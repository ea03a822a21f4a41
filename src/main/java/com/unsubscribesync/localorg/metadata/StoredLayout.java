package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.soap.XmlNode;
import java.time.Instant;

/** A page layout as the org keeps it: its full name and the elements after fullName, in the order received. */
public record StoredLayout(String fullName, XmlNode content, int number, Instant created, Instant modified) {

    public String objectName() {
        int dash = fullName.indexOf('-');
        return dash < 0 ? "" : fullName.substring(0, dash);
    }
}
