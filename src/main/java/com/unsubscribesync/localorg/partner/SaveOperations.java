package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.soql.CompiledQuery;
import com.unsubscribesync.localorg.soql.QueryEngine;
import com.unsubscribesync.localorg.state.ObjectSchema;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.Permission;
import com.unsubscribesync.localorg.state.PersonTable;
import com.unsubscribesync.localorg.state.RecordIds;
import com.unsubscribesync.localorg.state.RecordTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * create, update, delete and retrieve. More than 200 records fail the whole call; otherwise each record succeeds
 * or fails on its own, in input order. With AllOrNoneHeader nothing is saved when any record fails.
 */
final class SaveOperations {
    static final int MAX_RECORDS = 200;
    private static final int MAX_RETRIEVE = 2000;

    private final OrgState state;
    private final Faults faults;
    private final RecordChanges changes;
    private final QueryEngine engine;

    SaveOperations(OrgState state, Faults faults) {
        this.state = state;
        this.faults = faults;
        this.changes = new RecordChanges(state.fieldSecurity());
        this.engine = new QueryEngine(state);
    }

    /** One record's planned change: the row it touches (or -1 to create), or its error. */
    private record Plan(PersonTable table, int row, RecordChanges.Outcome outcome, RecordError error) {}

    void create(XmlNode request, CallContext context, XmlOut out) {
        save(request, context, out, true);
    }

    void update(XmlNode request, CallContext context, XmlOut out) {
        save(request, context, out, false);
    }

    private void save(XmlNode request, CallContext context, XmlOut out, boolean creating) {
        List<SObjectInput> inputs =
                request.all("sObjects").stream().map(SObjectInput::read).toList();
        tooMany(inputs.size(), MAX_RECORDS);
        boolean allOrNone = "true".equals(context.headerValue("AllOrNoneHeader", "allOrNone"));
        for (Saved saved : saveAll(inputs, context, creating, allOrNone)) {
            out.open("result");
            if (saved.error() != null) {
                saved.error().write(out);
            }
            out.leaf("id", saved.id()).leaf("success", saved.error() == null).close();
        }
    }

    /** What became of one record: its id when it names one, and its error when it was not saved. */
    record Saved(String id, RecordError error) {}

    /** Plans every record, then saves those without an error (none of them under all-or-none), in input order. */
    List<Saved> saveAll(List<SObjectInput> inputs, CallContext context, boolean creating, boolean allOrNone) {
        return state.atomically(() -> {
            List<Plan> plans = new ArrayList<>();
            for (SObjectInput input : inputs) {
                plans.add(plan(input, context, creating));
            }
            boolean anyFailed = plans.stream().anyMatch(p -> p.error() != null);
            List<Saved> saved = new ArrayList<>(plans.size());
            for (Plan plan : plans) {
                String id = null;
                RecordError error = plan.error();
                if (error == null && allOrNone && anyFailed) {
                    error = RecordError.of(
                            "ALL_OR_NONE_OPERATION_ROLLED_BACK",
                            "Record rolled back because not all records were valid and the request was using"
                                    + " AllOrNone header");
                }
                if (error == null) {
                    int row = plan.row();
                    if (creating) {
                        row = state.create(plan.table(), plan.outcome().values());
                    } else {
                        state.updateByApi(plan.table(), row, plan.outcome().values());
                    }
                    id = plan.table().id(row);
                } else if (plan.row() >= 0) {
                    id = plan.table().id(plan.row());
                }
                saved.add(new Saved(id, error));
            }
            return saved;
        });
    }

    /** The first field named in the inputs that the user cannot use on the object, if any. */
    Optional<String> unknownField(String objectName, List<String> fieldNames) {
        return state.catalog().object(objectName).flatMap(schema -> changes.unknownField(schema, fieldNames));
    }

    private Plan plan(SObjectInput input, CallContext context, boolean creating) {
        if (input.type() == null || input.type().isEmpty()) {
            throw SoapFault.typed("InvalidSObjectFault", "INVALID_TYPE", "Must send a concrete entity type.");
        }
        ObjectSchema schema = state.catalog()
                .object(input.type())
                .orElseThrow(() -> SoapFault.query(
                        "InvalidSObjectFault",
                        "INVALID_TYPE",
                        "sObject type '" + input.type() + "' is not supported.",
                        -1,
                        -1));
        PersonTable table = state.people(schema.name()).orElse(null);
        if (table == null) {
            return new Plan(null, -1, null, readOnlyObject());
        }
        changes.checkFieldsExist(schema, input);
        int row = -1;
        if (creating) {
            if (input.id() != null) {
                return new Plan(
                        table,
                        -1,
                        null,
                        RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id"));
            }
        } else {
            RecordLookup.Found found = RecordLookup.live(state, input.id(), schema.name());
            if (!found.ok()) {
                return new Plan(table, found.row(), null, found.error());
            }
            row = found.row();
            if (table.isConverted(row) && !state.directory().has(context.userRow(), Permission.EDIT_CONVERTED_LEADS)) {
                return new Plan(table, row, null, RecordError.injected("CANNOT_UPDATE_CONVERTED_LEAD"));
            }
        }
        if (!state.objectSecurity().editable(schema.name())) {
            return new Plan(table, row, null, readOnlyObject());
        }
        RecordChanges.Outcome outcome = changes.read(schema, input, creating);
        if (outcome.error() != null) {
            return new Plan(table, row, null, outcome.error());
        }
        String injected = faults.recordError(creating ? "create" : "update").orElse(null);
        if (injected != null) {
            return new Plan(table, row, null, RecordError.injected(injected));
        }
        return new Plan(table, row, outcome, null);
    }

    void delete(XmlNode request, CallContext context, XmlOut out) {
        List<String> ids = request.texts("ids");
        tooMany(ids.size(), MAX_RECORDS);
        state.atomically(() -> {
            for (String id : ids) {
                RecordLookup.Found found = RecordLookup.live(state, id == null ? null : id.trim(), null);
                RecordError error = found.error();
                if (error == null
                        && !state.objectSecurity()
                                .editable(found.table().schema().name())) {
                    error = readOnlyObject();
                }
                if (error == null) {
                    error = faults.recordError("delete")
                            .map(RecordError::injected)
                            .orElse(null);
                }
                if (error == null) {
                    state.delete(found.table(), found.row());
                }
                out.open("result");
                if (error != null) {
                    error.write(out);
                }
                out.leaf("id", found.table() == null ? null : found.table().id(found.row()))
                        .leaf("success", error == null)
                        .close();
            }
        });
    }

    void retrieve(XmlNode request, CallContext context, XmlOut out) {
        String fieldList = request.text("fieldList");
        String type = request.text("sObjectType");
        List<String> ids = request.texts("ids");
        tooMany(ids.size(), MAX_RETRIEVE);
        if (fieldList == null || fieldList.isBlank() || type == null || type.isBlank()) {
            throw SoapFault.query(
                    "MalformedQueryFault", "MALFORMED_QUERY", "fieldList and sObjectType are required", 1, 1);
        }
        state.atomically(() -> {
            CompiledQuery query = engine.compile("SELECT " + fieldList + " FROM " + type, context.userRow(), false);
            RecordTable table = query.table();
            for (String id : ids) {
                int row = id == null || !RecordIds.looksLikeId(id.trim()) ? -1 : table.rowOf(id.trim());
                if (row < 0 || table.isDeleted(row)) {
                    out.nil("result");
                } else {
                    RecordWriter.write(out, "result", table, row, query.columns());
                }
            }
        });
    }

    /** A record of an object the user's profile may only read: Salesforce refuses it, not the whole call. */
    private static RecordError readOnlyObject() {
        return RecordError.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id");
    }

    static void tooMany(int count, int max) {
        if (count > max) {
            throw SoapFault.unexpected(
                    "EXCEEDED_ID_LIMIT",
                    "record limit reached. cannot submit more than " + max + " records into this call");
        }
    }
}
