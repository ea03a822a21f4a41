package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.sync.Resubscriber;
import java.util.List;

/**
 * Resubscribing a person here, and the separate step that unchecks the opt-out in Salesforce, which the admin
 * confirms after seeing which records are checked.
 */
public final class Resubscribe {
    private final Resubscriber resubscriber;
    private final String actor;

    public Resubscribe(Resubscriber resubscriber, String actor) {
        this.resubscriber = resubscriber;
        this.actor = actor;
    }

    /** @param alsoSalesforce also unchecks the opt-out in Salesforce at once (the command line's option) */
    public Resubscriber.Result resubscribe(Email email, String reason, boolean alsoSalesforce) {
        if (reason.isBlank()) {
            throw new InvalidInputException("a resubscribe needs a reason: say why " + email + " may be emailed again");
        }
        return resubscriber.resubscribe(email, reason, actor, alsoSalesforce);
    }

    /** The Leads and Contacts of the address whose opt-out is checked in Salesforce now. */
    public List<Resubscriber.OptedOutRecord> optedOutInSalesforce(Email email) {
        return resubscriber.optedOutInSalesforce(email);
    }

    /** Unchecks the opt-out on the records the admin confirmed. */
    public List<Resubscriber.RecordChange> uncheckInSalesforce(Email email, List<Resubscriber.OptedOutRecord> records) {
        return resubscriber.uncheckInSalesforce(email, records, actor);
    }
}
