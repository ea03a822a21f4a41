package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.PersonTable;
import com.unsubscribesync.localorg.state.RecordIds;
import java.util.ArrayList;
import java.util.List;

/**
 * merge (up to three records of one type; the losers are deleted with MasterRecordId set) and convertLead (into a
 * new or an existing contact; the lead stays, marked converted).
 */
final class MergeAndConvert {
    private static final String CONVERTED_STATUS = "Closed - Converted";

    private final OrgState state;
    private final Faults faults;
    private final RecordChanges changes;

    MergeAndConvert(OrgState state, Faults faults) {
        this.state = state;
        this.faults = faults;
        this.changes = new RecordChanges(state.fieldSecurity());
    }

    void merge(XmlNode request, CallContext context, XmlOut out) {
        List<XmlNode> requests = request.all("request");
        SaveOperations.tooMany(requests.size(), SaveOperations.MAX_RECORDS);
        state.atomically(() -> {
            for (XmlNode one : requests) {
                mergeOne(one, out);
            }
        });
    }

    private void mergeOne(XmlNode request, XmlOut out) {
        SObjectInput master = SObjectInput.read(request.child("masterRecord")
                .orElseThrow(() -> SoapFault.unexpected("INVALID_ARGUMENT_TYPE", "masterRecord is required")));
        List<String> loserIds = new ArrayList<>();
        for (String id : request.texts("recordToMergeIds")) {
            if (id != null && !id.isBlank()) {
                loserIds.add(id.trim());
            }
        }
        RecordLookup.Found winner = RecordLookup.live(state, master.id(), master.type());
        RecordError error = winner.error();
        RecordChanges.Outcome outcome = null;
        int[] losers = new int[loserIds.size()];
        if (error == null && (winner.table().isConverted(winner.row()))) {
            error = RecordError.injected("CANNOT_UPDATE_CONVERTED_LEAD");
        }
        if (error == null && (loserIds.isEmpty() || loserIds.size() > 2)) {
            error = RecordError.of(
                    "INVALID_OPERATION",
                    "A merge request takes one or two records to merge into the" + " master record");
        }
        for (int i = 0; error == null && i < loserIds.size(); i++) {
            RecordLookup.Found loser = RecordLookup.live(
                    state, loserIds.get(i), winner.table().schema().name());
            error = loser.error();
            if (error == null && loser.row() == winner.row()) {
                error = RecordError.of("INVALID_OPERATION", "cannot merge a record with itself");
            }
            losers[i] = loser.row();
        }
        if (error == null) {
            changes.checkFieldsExist(winner.table().schema(), master);
            outcome = changes.read(winner.table().schema(), master, false);
            error = outcome.error();
        }
        if (error == null) {
            error = faults.recordError("merge").map(RecordError::injected).orElse(null);
        }
        if (error == null) {
            state.update(winner.table(), winner.row(), outcome.values());
            state.merge(winner.table(), winner.row(), losers);
        }
        out.open("result");
        if (error != null) {
            error.write(out);
        }
        out.leaf("id", winner.table() == null ? null : winner.table().id(winner.row()));
        if (error == null) {
            for (int loser : losers) {
                out.leaf("mergedRecordIds", winner.table().id(loser));
            }
        }
        out.leaf("success", error == null).close();
    }

    void convertLead(XmlNode request, CallContext context, XmlOut out) {
        List<XmlNode> converts = request.all("leadConverts");
        SaveOperations.tooMany(converts.size(), 100);
        state.atomically(() -> {
            for (XmlNode convert : converts) {
                convertOne(convert, out);
            }
        });
    }

    private void convertOne(XmlNode convert, XmlOut out) {
        String leadId = convert.text("leadId");
        String contactId = convert.text("contactId");
        RecordLookup.Found lead = RecordLookup.live(state, leadId, "Lead");
        RecordError error = lead.error();
        int contactRow = -1;
        if (error == null && lead.table().isConverted(lead.row())) {
            error = RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "This lead was already converted.");
        }
        if (error == null && !CONVERTED_STATUS.equals(convert.text("convertedStatus"))) {
            error = RecordError.of("INVALID_STATUS", "invalid convertedStatus: " + convert.text("convertedStatus"));
        }
        if (error == null && contactId != null && !contactId.isBlank()) {
            RecordLookup.Found contact = RecordLookup.live(state, contactId.trim(), "Contact");
            error = contact.error();
            contactRow = contact.row();
        }
        if (error == null) {
            error = faults.recordError("convertLead").map(RecordError::injected).orElse(null);
        }
        String newContact = null;
        if (error == null) {
            newContact = state.contacts().id(state.convert(lead.row(), contactRow));
        }
        boolean opportunity = error == null && !"true".equals(convert.text("doNotCreateOpportunity"));
        PersonTable leads = state.leads();
        out.open("result")
                .leaf("accountId", error == null ? accountId(convert, lead.row()) : null)
                .leaf("contactId", newContact);
        if (error != null) {
            error.write(out);
        }
        out.leaf("leadId", lead.ok() || lead.row() >= 0 ? leads.id(lead.row()) : null)
                .leaf("opportunityId", opportunity ? RecordIds.idOf("006", lead.row()) : null)
                .leaf("success", error == null)
                .close();
    }

    private static String accountId(XmlNode convert, int leadRow) {
        String given = convert.text("accountId");
        return given != null && !given.isBlank() ? RecordIds.to18(given.trim()) : RecordIds.idOf("001", leadRow);
    }
}
