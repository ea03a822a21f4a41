package com.unsubscribesync.sync;

import com.unsubscribesync.localorg.PersonView;
import java.util.Map;
import java.util.Set;

/**
 * What the ratchet model sees between two steps.
 *
 * @param unsubscribed the local unsubscribes, by address
 * @param pending      addresses with a real-time push waiting in the outbox
 * @param links        the Salesforce ids local people carry, by address
 * @param records      every Lead and Contact the world made, as Salesforce has it now (deleted ones too)
 */
record RatchetSnapshot(
        Set<String> unsubscribed,
        Set<String> pending,
        Map<String, Set<String>> links,
        Map<String, PersonView> records) {

    boolean ticked(String id, RatchetStep.Box box) {
        PersonView record = records.get(id);
        return box == RatchetStep.Box.EMAIL_OPT_OUT ? record.optedOut() : record.packageOptedOut();
    }
}
