package com.unsubscribesync.sync;

import java.util.Optional;

/** One thing that happens to the ratchet model's world: done here, in Salesforce, or by the engine. */
sealed interface RatchetStep {

    /** Which checkbox a Salesforce user touched. */
    enum Box {
        EMAIL_OPT_OUT,
        MARKETO_SALES_OPT_OUT
    }

    /** Recorded here the way the CLI and the console record it: unsubscribe, history and outbox together. */
    record UnsubscribeHere(String email) implements RatchetStep {}

    /** A Salesforce user ticks a box. */
    record OptOutInSalesforce(String recordId, Box box) implements RatchetStep {}

    /** A Salesforce user unticks a box: the only outside write of false. */
    record UncheckInSalesforce(String recordId, Box box) implements RatchetStep {}

    /** A person here gets a Salesforce id, as a people import gives it. */
    record LinkPerson(String email, String recordId) implements RatchetStep {}

    record AddRecord(boolean contact, String email) implements RatchetStep {}

    /** Into a new contact when {@code contactId} is empty. */
    record ConvertLead(String leadId, Optional<String> contactId) implements RatchetStep {}

    record Merge(String winnerId, String loserId) implements RatchetStep {}

    record Delete(String recordId) implements RatchetStep {}

    /** The admin's resubscribe, with or without {@code --also-salesforce}. */
    record Resubscribe(String email, boolean alsoSalesforce) implements RatchetStep {}

    record Push() implements RatchetStep {}

    record NightlyRun(boolean full) implements RatchetStep {}

    /** The app closes and opens again on the same database file. */
    record Restart() implements RatchetStep {}

    /** Steps of the engine, as opposed to a Salesforce user's. */
    default boolean byEngine() {
        return this instanceof UnsubscribeHere
                || this instanceof LinkPerson
                || this instanceof Resubscribe
                || this instanceof Push
                || this instanceof NightlyRun
                || this instanceof Restart;
    }
}
