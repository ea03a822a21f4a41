package com.unsubscribesync.sync;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.salesforce.OrgRecord;
import com.unsubscribesync.salesforce.SalesforceOrg;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.SynchronousQueue;

/**
 * Reads the changed rows of every object at once, each on a thread of its own, while the run's own thread stores
 * them. A reader hands over a page only when the store takes it, and asks for its next page while that one is being
 * stored, never further: memory holds at most two pages per object, whatever the org's size. How many of the
 * readers' calls really go at once is the connection's "calls in flight".
 */
final class SideBySidePulls {
    /** Stores one page of one object; runs on the caller's thread only. */
    @FunctionalInterface
    interface Store {
        void page(SObjectType type, List<OrgRecord> rows);
    }

    private sealed interface Handover permits Page, Finished, Failed {}

    private record Page(SObjectType type, List<OrgRecord> rows) implements Handover {}

    private record Finished(SObjectType type) implements Handover {}

    private record Failed(RuntimeException failure) implements Handover {}

    /** Thrown inside a reader whose run stopped, to leave the org's stream of pages. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    private SideBySidePulls() {}

    /**
     * Pulls each object's rows changed after {@code since} (all when empty) and gives every page to {@code store}
     * on this thread. The first failure, of a reader or of the store, stops every reader and is thrown here.
     *
     * @param bulkQueryFrom from how many records of one object a full read is one Bulk query job; 0 never
     */
    static void pull(
            SalesforceOrg org,
            Map<SObjectType, String> apiNames,
            Optional<Instant> since,
            long bulkQueryFrom,
            Store store) {
        SynchronousQueue<Handover> handovers = new SynchronousQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (Map.Entry<SObjectType, String> object : apiNames.entrySet()) {
            Thread reader = new Thread(
                    () -> read(org, object.getKey(), object.getValue(), since, bulkQueryFrom, handovers),
                    "nightly-pull-" + object.getKey().apiName());
            reader.setDaemon(true);
            readers.add(reader);
        }
        readers.forEach(Thread::start);
        try {
            int finished = 0;
            while (finished < readers.size()) {
                Handover handover = handovers.take();
                if (handover instanceof Page page) {
                    store.page(page.type(), page.rows());
                } else if (handover instanceof Finished) {
                    finished++;
                } else if (handover instanceof Failed failed) {
                    throw failed.failure();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("The run was interrupted while reading from Salesforce.", e);
        } finally {
            // Readers still going stop at their next handover; nothing they read is stored after this.
            readers.forEach(Thread::interrupt);
        }
    }

    private static void read(
            SalesforceOrg org,
            SObjectType type,
            String apiName,
            Optional<Instant> since,
            long bulkQueryFrom,
            SynchronousQueue<Handover> handovers) {
        Handover last;
        try {
            org.pullChanged(type, apiName, since, bulkQueryFrom, rows -> {
                try {
                    handovers.put(new Page(type, rows));
                } catch (InterruptedException e) {
                    throw new Stopped();
                }
            });
            last = new Finished(type);
        } catch (Stopped e) {
            return;
        } catch (RuntimeException e) {
            last = new Failed(e);
        }
        try {
            handovers.put(last);
        } catch (InterruptedException e) {
            // The run already stopped for another reason.
        }
    }
}
