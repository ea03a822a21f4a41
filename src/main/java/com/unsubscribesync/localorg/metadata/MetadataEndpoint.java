package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.latency.CallLatency;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.CallGate;
import com.unsubscribesync.localorg.soap.Namespaces;
import com.unsubscribesync.localorg.soap.SoapEndpoint;
import com.unsubscribesync.localorg.soap.SoapEnvelopes;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlOut;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.Permission;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The Metadata SOAP service at {@code /services/Soap/m/{version}[/{orgId}]} for Layouts: listMetadata,
 * readMetadata, updateMetadata and upsertMetadata. Its faults carry no detail, because the metadata client has no
 * fault classes to parse one into.
 */
public final class MetadataEndpoint extends SoapEndpoint {
    private static final int MAX_COMPONENTS = 10;
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final OrgState state;
    private final LayoutStore layouts;
    private final CallGate gate;
    private final LayoutValidator validator;
    private final Faults faults;
    private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> calls =
            new java.util.concurrent.ConcurrentHashMap<>();

    public MetadataEndpoint(
            OrgState state,
            LayoutStore layouts,
            CallGate gate,
            Faults faults,
            CallLatency latency,
            String instanceUrl) {
        super(faults, latency, instanceUrl);
        this.state = state;
        this.layouts = layouts;
        this.gate = gate;
        this.validator = new LayoutValidator(state.catalog());
        this.faults = faults;
    }

    @Override
    protected boolean down() {
        return faults.metadataDown();
    }

    @Override
    protected String serviceNamespace() {
        return Namespaces.METADATA;
    }

    @Override
    protected String faultNamespace() {
        return Namespaces.METADATA;
    }

    /** Metadata API calls admitted since the org started, by operation ({@code updateMetadata}, …). */
    public java.util.Map<String, Long> callsByOperation() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        calls.forEach((operation, count) -> counts.put(operation, count.sum()));
        return counts;
    }

    @Override
    protected SoapFault adapt(SoapFault fault) {
        return fault.withoutDetail();
    }

    @Override
    protected String answer(String operation, XmlNode request, XmlNode header, String apiVersion, String instanceUrl) {
        CallContext context = gate.admit(header, apiVersion, instanceUrl);
        calls.computeIfAbsent(operation, o -> new java.util.concurrent.atomic.LongAdder())
                .increment();
        boolean allowed = state.atomically(() -> state.directory().has(context.userRow(), Permission.MODIFY_ALL_DATA)
                || state.directory().has(context.userRow(), Permission.MODIFY_METADATA));
        if (!allowed) {
            throw SoapFault.withoutDetail(
                    "INSUFFICIENT_ACCESS",
                    "use of the Metadata API requires a user with the" + " ModifyAllData or ModifyMetadata permission");
        }
        boolean saving = operation.equals("updateMetadata") || operation.equals("upsertMetadata");
        if (saving
                && !state.atomically(
                        () -> state.directory().has(context.userRow(), Permission.CUSTOMIZE_APPLICATION))) {
            throw SoapFault.withoutDetail(
                    "INSUFFICIENT_ACCESS", "changing page layouts requires the Customize " + "Application permission");
        }
        XmlOut out = new XmlOut();
        switch (operation) {
            case "listMetadata" -> listMetadata(request, context, out);
            case "readMetadata" -> readMetadata(request, context, out);
            case "updateMetadata" -> save(request, context, out, false);
            case "upsertMetadata" -> save(request, context, out, true);
            default -> throw SoapFault.withoutDetail("UNKNOWN_EXCEPTION", "Operation not available or permitted");
        }
        return SoapEnvelopes.metadata(operation, out.toString());
    }

    private void listMetadata(XmlNode request, CallContext context, XmlOut out) {
        List<XmlNode> queries = request.all("queries");
        if (queries.size() > 3) {
            throw SoapFault.withoutDetail("INVALID_TYPE", "listMetadata accepts at most 3 queries per call");
        }
        String userId = state.directory().userId(context.userRow());
        String userName =
                state.atomically(() -> state.directory().user(context.userRow()).fullName());
        for (XmlNode query : queries) {
            if (!"Layout".equals(query.text("type"))) {
                continue;
            }
            for (StoredLayout layout : layouts.all()) {
                // A managed package's layout is listed without its namespace in the layout-name part, though it
                // is read and saved only with it; FileProperties.namespacePrefix names the package.
                Optional<String> namespace = layouts.namespaceOf(layout);
                String listed = namespace
                        .map(ns -> layout.fullName().replaceFirst("-" + ns + "__", "-"))
                        .orElse(layout.fullName());
                out.open("result")
                        .leaf("createdById", userId)
                        .leaf("createdByName", userName)
                        .leaf("createdDate", format(layout.created()))
                        .leaf("fileName", "layouts/" + listed + ".layout")
                        .leaf("fullName", listed)
                        .leaf("id", com.unsubscribesync.localorg.state.RecordIds.idOf("00h", layout.number()))
                        .leaf("lastModifiedById", userId)
                        .leaf("lastModifiedByName", userName)
                        .leaf("lastModifiedDate", format(layout.modified()))
                        .leaf("manageableState", namespace.isPresent() ? "installed" : "unmanaged");
                namespace.ifPresent(ns -> out.leaf("namespacePrefix", ns));
                out.leaf("type", "Layout").close();
            }
        }
    }

    private void readMetadata(XmlNode request, CallContext context, XmlOut out) {
        List<String> names = request.texts("fullNames");
        if (names.size() > MAX_COMPONENTS) {
            throw tooMany();
        }
        boolean layoutType = "Layout".equals(request.text("type"));
        out.open("result");
        for (String name : names) {
            Optional<StoredLayout> layout = layoutType && name != null ? layouts.find(name) : Optional.empty();
            if (layout.isEmpty()) {
                out.nil("records");
            } else {
                out.open("records", "xsi:type", "Layout")
                        .leaf("fullName", layout.get().fullName());
                LayoutXml.writeChildren(
                        out, LayoutVersions.asOf(withoutFullName(layout.get().content()), context.version()));
                out.close();
            }
        }
        out.close();
    }

    private void save(XmlNode request, CallContext context, XmlOut out, boolean upsert) {
        List<XmlNode> components = request.all("metadata");
        if (components.size() > MAX_COMPONENTS) {
            throw tooMany();
        }
        for (XmlNode component : components) {
            String fullName = component.text("fullName");
            LayoutValidator.Problem problem = null;
            boolean created = false;
            if (!"Layout".equals(component.xsiType())) {
                problem = new LayoutValidator.Problem("INVALID_TYPE", "Only Layout can be saved in this org", "type");
            } else if (!upsert && (fullName == null || layouts.find(fullName).isEmpty())) {
                problem = new LayoutValidator.Problem(
                        "INVALID_CROSS_REFERENCE_KEY",
                        "In field: fullName - no Layout" + " named " + fullName + " found",
                        "fullName");
            } else {
                problem = validator.check(fullName, component).orElse(null);
            }
            if (problem == null) {
                created = layouts.save(
                        fullName,
                        LayoutVersions.savedAt(
                                withoutFullName(component),
                                layouts.find(fullName).map(StoredLayout::content),
                                context.version()));
                state.changed();
                faults.layoutSaved();
            }
            out.open("result");
            if (upsert) {
                out.leaf("created", problem == null && created);
            }
            if (problem != null) {
                out.open("errors")
                        .leaf("fields", problem.field())
                        .leaf("message", problem.message())
                        .leaf("statusCode", problem.statusCode())
                        .close();
            }
            out.leaf("fullName", fullName == null ? "" : fullName)
                    .leaf("success", problem == null)
                    .close();
        }
    }

    /** Salesforce's answer to more than ten components in one call, as captured in certinia/apex-mdapi#105. */
    private static SoapFault tooMany() {
        return SoapFault.withoutDetail(
                "EXCEEDED_ID_LIMIT",
                "record limit reached. cannot submit more than " + MAX_COMPONENTS + " records in this operation");
    }

    private static XmlNode withoutFullName(XmlNode node) {
        List<XmlNode> rest = node.children().stream()
                .filter(c -> !c.name().equals("fullName"))
                .toList();
        return new XmlNode(node.namespace(), node.name(), "", rest, false, null, null);
    }

    private static String format(Instant instant) {
        return DATE_TIME.format(instant);
    }
}
