package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.latency.CallLatency;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.CallGate;
import com.unsubscribesync.localorg.soap.Namespaces;
import com.unsubscribesync.localorg.soap.SoapEndpoint;
import com.unsubscribesync.localorg.soap.SoapEnvelopes;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.SoapOperation;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.state.OrgCredentials;
import com.unsubscribesync.localorg.state.OrgState;
import java.util.HashMap;
import java.util.Map;

/** The Partner SOAP service at {@code /services/Soap/u/{version}[/{orgId}]}. */
public final class PartnerEndpoint extends SoapEndpoint {
    private final CallGate gate;
    private final Map<String, SoapOperation> operations = new HashMap<>();
    private final IdentityOperations identity;

    public PartnerEndpoint(
            OrgState state,
            CallGate gate,
            Faults faults,
            CallLatency latency,
            OrgCredentials credentials,
            String instanceUrl) {
        super(faults, latency, instanceUrl);
        this.gate = gate;
        this.identity = new IdentityOperations(state, gate.sessions(), credentials);
        QueryOperations queries = new QueryOperations(state);
        DescribeOperations describe = new DescribeOperations(state);
        SaveOperations saves = new SaveOperations(state, faults);
        MergeAndConvert mergeAndConvert = new MergeAndConvert(state, faults);
        ReplicationOperations replication = new ReplicationOperations(state);
        operations.put("getUserInfo", identity::getUserInfo);
        operations.put("getServerTimestamp", identity::getServerTimestamp);
        operations.put("describeGlobal", describe::describeGlobal);
        operations.put("describeSObject", describe::describeSObject);
        operations.put("describeSObjects", describe::describeSObjects);
        operations.put("query", queries::query);
        operations.put("queryAll", queries::queryAll);
        operations.put("queryMore", queries::queryMore);
        operations.put("retrieve", saves::retrieve);
        operations.put("create", saves::create);
        operations.put("update", saves::update);
        operations.put("delete", saves::delete);
        operations.put("merge", mergeAndConvert::merge);
        operations.put("convertLead", mergeAndConvert::convertLead);
        operations.put("getUpdated", replication::getUpdated);
        operations.put("getDeleted", replication::getDeleted);
    }

    @Override
    protected String serviceNamespace() {
        return Namespaces.PARTNER;
    }

    @Override
    protected String faultNamespace() {
        return Namespaces.PARTNER_FAULT;
    }

    @Override
    protected String answer(String operation, XmlNode request, XmlNode header, String apiVersion, String instanceUrl) {
        XmlOut out = new XmlOut();
        if (operation.equals("login")) {
            gate.usage().consume();
            identity.login(request, new CallContext(-1, null, apiVersion, instanceUrl, header), out);
            return SoapEnvelopes.partner(operation, out.toString(), gate.usage());
        }
        SoapOperation handler = operations.get(operation);
        if (handler == null) {
            throw SoapFault.unexpected("UNKNOWN_EXCEPTION", "Operation not available or permitted");
        }
        CallContext context = gate.admit(header, apiVersion, instanceUrl);
        gate.usage().tally(operation);
        handler.answer(request, context, out);
        return SoapEnvelopes.partner(operation, out.toString(), gate.usage());
    }
}
