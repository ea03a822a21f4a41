package com.unsubscribesync.localorg.soap;

import com.sun.net.httpserver.HttpExchange;
import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.http.HttpBodies;
import com.unsubscribesync.localorg.latency.CallLatency;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side shared by the Partner and Metadata services: injected transport faults, gzip in both directions,
 * envelope parsing, and faults sent with status 500 (force-wsc treats only status 400 and up as a fault).
 */
public abstract class SoapEndpoint extends ApiEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(SoapEndpoint.class);
    /** The newest API version this org serves: Winter '26, the release whose clients the app ships. */
    public static final double NEWEST_VERSION = 65.0;

    private static final Pattern PATH = Pattern.compile("/services/Soap/[um]/(\\d{1,3}\\.\\d)(/[A-Za-z0-9]{15,18})?/?");

    private final XmlNodeReader reader = new XmlNodeReader();
    private final String instanceUrl;
    private final java.util.Set<String> pathsServed = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Request elements that each carry one record or object of the call, for the per-row part of its latency. */
    private static final java.util.Set<String> ROW_ELEMENTS =
            java.util.Set.of("sObjects", "ids", "sObjectType", "metadata", "fullNames");

    protected SoapEndpoint(Faults faults, CallLatency latency, String instanceUrl) {
        super(faults, latency, MAX_REQUEST_BYTES);
        this.instanceUrl = instanceUrl;
    }

    /** The namespace every operation element must be in. */
    protected abstract String serviceNamespace();

    /** The namespace bound to {@code sf} in fault envelopes. */
    protected abstract String faultNamespace();

    /** Answers one call with a complete response envelope, or throws a {@link SoapFault}. */
    protected abstract String answer(
            String operation, XmlNode request, XmlNode header, String apiVersion, String instanceUrl);

    /** The distinct request paths this service was called on (e.g. {@code /services/Soap/m/62.0/00D…}). */
    public java.util.Set<String> pathsServed() {
        return java.util.Set.copyOf(pathsServed);
    }

    /**
     * Salesforce documents no size for a whole SOAP request (only 10 KB for login); 50 MiB is far above the largest
     * this app sends (a 200-record update or a layout save, well under 1 MB) and bounds what a request can cost
     * (ADR 0008).
     */
    static final int MAX_REQUEST_BYTES = 50 * 1024 * 1024;

    @Override
    protected void refuseTooLarge(HttpExchange exchange, int limit) throws IOException {
        HttpBodies.send(
                exchange,
                500,
                "text/xml; charset=utf-8",
                SoapEnvelopes.fault(
                        adapt(SoapFault.unexpected(
                                "EXCEEDED_MAX_SIZE_REQUEST", "Exceeded max size limit of " + limit + " bytes")),
                        faultNamespace()));
    }

    /** Adjusts a fault to what this service's client can parse. */
    protected SoapFault adapt(SoapFault fault) {
        return fault;
    }

    @Override
    protected void serve(HttpExchange exchange, byte[] body) throws IOException {
        if (!exchange.getRequestMethod().equals("POST")) {
            HttpBodies.send(exchange, 405, "text/plain; charset=utf-8", "SOAP services accept POST only");
            return;
        }
        String response;
        int status = 200;
        Call call = new Call();
        try {
            response = respond(exchange.getRequestURI().getPath(), body, call);
            if (!answersAtOnce()) {
                call.rows += rowsReturned(response);
            }
        } catch (SoapFault fault) {
            status = 500;
            response = SoapEnvelopes.fault(adapt(fault), faultNamespace());
        } catch (RuntimeException e) {
            LOG.error("local org failed to answer a SOAP call", e);
            status = 500;
            response = SoapEnvelopes.fault(
                    adapt(SoapFault.unexpected(
                            "UNKNOWN_EXCEPTION",
                            "An unexpected error occurred. Please include this ErrorId if you contact support")),
                    faultNamespace());
        }
        send(exchange, status, "text/xml; charset=utf-8", response, call.operation, call.rows);
    }

    /** The operation of a call and its rows or records, as far as they are known, for its latency. */
    private static final class Call {
        String operation = "";
        int rows;
    }

    /** Records in a query's answer, sub-query rows included. */
    private static int rowsReturned(String response) {
        int rows = 0;
        for (int at = response.indexOf("<records "); at >= 0; at = response.indexOf("<records ", at + 1)) {
            rows++;
        }
        return rows;
    }

    private String respond(String path, byte[] body, Call call) {
        Matcher matcher = PATH.matcher(path);
        if (!matcher.matches()) {
            throw SoapFault.withoutDetail("soapenv:Client", "No service available for " + path);
        }
        String version = matcher.group(1);
        pathsServed.add(path);
        // API versions 30.0 and below are retired, and versions after the org's release do not exist yet;
        // Salesforce answers both this way.
        if (Double.parseDouble(version) < 31.0 || Double.parseDouble(version) > NEWEST_VERSION) {
            throw SoapFault.unexpected("UNSUPPORTED_API_VERSION", "Invalid Api version specified on URL");
        }
        XmlNode envelope;
        try {
            envelope = reader.read(new java.io.ByteArrayInputStream(body));
        } catch (XMLStreamException e) {
            throw SoapFault.withoutDetail("soapenv:Client", "Unable to parse the request: " + e.getMessage());
        }
        if (!envelope.namespace().equals(Namespaces.ENVELOPE)
                || !envelope.name().equals("Envelope")) {
            throw SoapFault.withoutDetail("soapenv:VersionMismatch", "Expected a SOAP 1.1 Envelope");
        }
        XmlNode header = envelope.child("Header").orElse(null);
        XmlNode bodyElement = envelope.child("Body")
                .orElseThrow(() -> SoapFault.withoutDetail("soapenv:Client", "The envelope has no Body"));
        if (bodyElement.children().isEmpty()) {
            throw SoapFault.withoutDetail("soapenv:Client", "The Body has no operation");
        }
        XmlNode request = bodyElement.children().get(0);
        call.operation = request.name();
        call.rows = (int) request.children().stream()
                .filter(child -> ROW_ELEMENTS.contains(child.name()))
                .count();
        if (!request.namespace().equals(serviceNamespace())) {
            throw SoapFault.withoutDetail(
                    "soapenv:Client",
                    "No operation available for request {" + request.namespace() + "}" + request.name()
                            + ", please check the WSDL for the service.");
        }
        return answer(request.name(), request, header, version, instanceUrl);
    }
}
