package com.unsubscribesync.localorg.bulk;

import com.sun.net.httpserver.HttpExchange;
import com.unsubscribesync.localorg.faults.Faults;
import com.unsubscribesync.localorg.http.HttpBodies;
import com.unsubscribesync.localorg.latency.CallLatency;
import com.unsubscribesync.localorg.soap.ApiEndpoint;
import com.unsubscribesync.localorg.soap.CallContext;
import com.unsubscribesync.localorg.soap.CallGate;
import com.unsubscribesync.localorg.soap.SoapFault;
import com.unsubscribesync.localorg.soap.XmlNode;
import com.unsubscribesync.localorg.soap.XmlNodeReader;
import com.unsubscribesync.localorg.state.RecordIds;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk API 1.0 at {@code /services/async/{version}/job…}, as force-wsc's BulkConnection uses it: create, read,
 * close and abort a job; add a CSV batch (or a query's SOQL, chunked by the {@code Sforce-Enable-PKChunking} header);
 * read one batch, all batches, a batch's request and its results (for a query, the list of result ids and each
 * result). The
 * session comes in the X-SFDC-Session header (bare or as {@code Bearer <token>}) and every request counts as one API
 * call.
 */
public final class BulkEndpoint extends ApiEndpoint {
    private static final Logger LOG = LoggerFactory.getLogger(BulkEndpoint.class);
    private static final Pattern VERSION = Pattern.compile("/services/async/(\\d{1,3}\\.\\d)/.*");
    private static final Pattern RESOURCE = Pattern.compile("/services/async/[0-9.]+/job(?:/([A-Za-z0-9]{15,18})"
            + "(?:/batch(?:/([A-Za-z0-9]{15,18})(?:/(result|request)(?:/([A-Za-z0-9]{15,18}))?)?)?/?)?)?/?");
    private static final String SESSION_HEADER = "X-SFDC-Session";
    private static final String BEARER = "Bearer ";
    private static final String XML = "application/xml";
    private static final Set<String> OBJECTS = Set.of("Contact", "Lead");
    private static final Set<String> OPERATIONS = Set.of("update", "query", "queryAll");
    private static final String CSV = "text/csv";

    private final BulkJobs jobs;
    private final CallGate gate;
    private final String instanceUrl;
    private final XmlNodeReader reader = new XmlNodeReader();

    public BulkEndpoint(BulkJobs jobs, CallGate gate, Faults faults, CallLatency latency, String instanceUrl) {
        super(faults, latency, MAX_REQUEST_BYTES);
        this.jobs = jobs;
        this.gate = gate;
        this.instanceUrl = instanceUrl;
    }

    /**
     * A reply: status, content type and body (text, or a query result kept gzipped), and the request and rows its
     * latency is reckoned by.
     */
    private record Reply(int status, String contentType, String body, ResultFile result, String operation, int rows) {
        static Reply xml(int status, String body) {
            return new Reply(status, XML, body, null, "", 0);
        }

        static Reply csv(String body) {
            return new Reply(200, CSV, body, null, "", 0);
        }

        static Reply result(ResultFile file) {
            return new Reply(200, CSV, null, file, "", 0);
        }

        Reply of(String request, int count) {
            return new Reply(status, contentType, body, result, "bulk." + request, count);
        }
    }

    /**
     * A batch is at most 10 MB, and compression does not change that (Bulk API limits); Salesforce refuses a longer
     * request with ClientInputError "Failed to read request. Exceeded max size limit of 10000000" (ADR 0008).
     */
    static final int MAX_REQUEST_BYTES = 10_000_000;

    @Override
    protected void refuseTooLarge(HttpExchange exchange, int limit) throws IOException {
        HttpBodies.send(
                exchange,
                400,
                XML,
                new AsyncError(400, "ClientInputError", "Failed to read request. Exceeded max size limit of " + limit)
                        .document());
    }

    @Override
    protected void serve(HttpExchange exchange, byte[] body) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange, body);
        } catch (AsyncError error) {
            reply = Reply.xml(error.status(), error.document());
        } catch (RuntimeException e) {
            LOG.error("local org failed to answer a Bulk API request", e);
            reply = Reply.xml(
                    500, new AsyncError(500, "InternalServerError", "An unexpected error occurred").document());
        }
        if (reply.result() != null) {
            ResultFile file = reply.result();
            sendGzipped(
                    exchange,
                    reply.status(),
                    reply.contentType(),
                    file.gzipped(),
                    file.bytes(),
                    reply.operation(),
                    reply.rows());
        } else {
            send(exchange, reply.status(), reply.contentType(), reply.body(), reply.operation(), reply.rows());
        }
    }

    private Reply answer(HttpExchange exchange, byte[] body) {
        String path = exchange.getRequestURI().getPath();
        Matcher version = VERSION.matcher(path);
        if (!version.matches()) {
            throw new AsyncError(404, "InvalidUrl", "Unknown resource " + path);
        }
        String apiVersion = version.group(1);
        if (Double.parseDouble(apiVersion) < 31.0) {
            throw new AsyncError(400, "InvalidVersion", "Invalid Api version specified on URL");
        }
        CallContext caller = admit(sessionId(exchange.getRequestHeaders().getFirst(SESSION_HEADER)), apiVersion);
        Matcher resource = RESOURCE.matcher(path);
        if (!resource.matches()) {
            throw new AsyncError(404, "InvalidUrl", "Unknown resource " + path);
        }
        String jobId = resource.group(1);
        String batchId = resource.group(2);
        String part = resource.group(3);
        String resultId = resource.group(4);
        boolean post = exchange.getRequestMethod().equals("POST");
        boolean get = exchange.getRequestMethod().equals("GET");
        boolean batches = path.matches(".*/batch/?$");
        if (jobId == null && post) {
            PkChunking chunking = PkChunking.parse(exchange.getRequestHeaders().getFirst(PkChunking.HEADER))
                    .orElse(null);
            return Reply.xml(201, BulkXml.jobInfo(createJob(body, caller, chunking)))
                    .of("createJob", 0);
        }
        if (jobId != null && batchId == null && !batches && (get || post)) {
            BulkJob job = jobs.find(jobId, caller.userRow());
            if (post) {
                jobs.changeState(job, readJobInfo(body).text("state"));
            }
            return Reply.xml(200, jobs.read(() -> BulkXml.jobInfo(job))).of(post ? "closeJob" : "jobStatus", 0);
        }
        if (batches && post) {
            BulkJob job = jobs.find(jobId, caller.userRow());
            String csv = new String(body, StandardCharsets.UTF_8);
            // Under the lock, so the answer shows the batch as added, before the worker can take it.
            return Reply.xml(201, jobs.read(() -> BulkXml.batchInfo(jobs.add(job, csv))))
                    .of("addBatch", job.isQuery() ? 0 : BatchCsv.lines(csv));
        }
        if (batches && get) {
            BulkJob job = jobs.find(jobId, caller.userRow());
            return Reply.xml(200, jobs.read(() -> BulkXml.batchInfoList(job))).of("batchList", 0);
        }
        if (batchId != null && get) {
            BulkBatch batch = jobs.batch(jobs.find(jobId, caller.userRow()), batchId);
            if (part == null) {
                return jobs.read(() -> Reply.xml(200, BulkXml.batchInfo(batch))).of("batchStatus", 0);
            }
            if (part.equals("result") && batch.job.isQuery()) {
                return queryResult(batch, resultId);
            }
            if (resultId != null) {
                throw new AsyncError(400, "InvalidUrl", "Unknown resource " + path);
            }
            String csv = jobs.read(() -> part.equals("request") ? batch.request : results(batch));
            return Reply.csv(csv).of(part.equals("request") ? "batchRequest" : "batchResult", BatchCsv.lines(csv));
        }
        throw new AsyncError(400, "InvalidUrl", exchange.getRequestMethod() + " is not allowed on " + path);
    }

    /**
     * The session in the header, bare as force-wsc sends it or after {@code Bearer } as Salesforce Data Loader sends
     * an OAuth access token.
     */
    private static String sessionId(String header) {
        if (header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return header.substring(BEARER.length()).trim();
        }
        return header;
    }

    private CallContext admit(String sessionId, String apiVersion) {
        try {
            return gate.admit(sessionId, apiVersion, instanceUrl, null);
        } catch (SoapFault fault) {
            if ("REQUEST_LIMIT_EXCEEDED".equals(fault.code())) {
                throw new AsyncError(400, "ExceededQuota", fault.exceptionMessage());
            }
            if (CallGate.API_DISABLED.equals(fault.code())) {
                throw new AsyncError(400, "InvalidUser", fault.exceptionMessage());
            }
            throw AsyncError.invalidSession();
        }
    }

    /** A query batch's list of result ids, or one of those results as CSV. */
    private Reply queryResult(BulkBatch batch, String resultId) {
        List<ResultFile> files = jobs.read(() -> {
            completed(batch);
            return batch.resultFiles;
        });
        if (resultId == null) {
            return Reply.xml(200, BulkXml.resultList(batch)).of("queryResultList", 0);
        }
        String wanted = RecordIds.to18(resultId);
        ResultFile file = files.stream()
                .filter(f -> f.id().equals(wanted))
                .findFirst()
                .orElseThrow(() -> AsyncError.notFound("InvalidBatch", resultId));
        return Reply.result(file).of("queryResult", file.records());
    }

    private BulkJob createJob(byte[] body, CallContext caller, PkChunking chunking) {
        XmlNode info = readJobInfo(body);
        String operation = info.text("operation");
        String object = info.text("object");
        String contentType = info.text("contentType");
        if (operation == null || object == null) {
            throw new AsyncError(400, "InvalidJob", "A job needs an operation and an object");
        }
        if (!OBJECTS.contains(object)) {
            throw new AsyncError(400, "InvalidEntity", "Entity '" + object + "' is not supported by the Bulk API.");
        }
        if (!OPERATIONS.contains(operation)) {
            throw new AsyncError(
                    400, "InvalidJob", "The local org runs update, query and queryAll jobs only, not " + operation);
        }
        if (!"CSV".equals(contentType)) {
            throw new AsyncError(
                    400,
                    "InvalidJob",
                    "The local org takes CSV batches only, not " + (contentType == null ? "XML" : contentType));
        }
        boolean query = !operation.equals("update");
        return jobs.create(operation, object, query ? chunking : null, caller.userRow(), caller.apiVersion());
    }

    private XmlNode readJobInfo(byte[] body) {
        XmlNode root;
        try {
            root = reader.read(new ByteArrayInputStream(body));
        } catch (XMLStreamException e) {
            throw new AsyncError(400, "InvalidXml", "Unable to parse the job: " + e.getMessage());
        }
        if (!root.name().equals("jobInfo") || !root.namespace().equals(BulkXml.NAMESPACE)) {
            throw new AsyncError(400, "InvalidXml", "Expected a jobInfo element in " + BulkXml.NAMESPACE);
        }
        return root;
    }

    private static String results(BulkBatch batch) {
        completed(batch);
        return batch.results;
    }

    private static void completed(BulkBatch batch) {
        switch (batch.state) {
            case Completed -> {}
            case Queued, InProgress -> throw new AsyncError(400, "InvalidBatch", "Batch not completed");
            default -> throw new AsyncError(400, "InvalidBatch", "Records not processed");
        }
    }
}
