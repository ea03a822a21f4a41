package com.unsubscribesync.usecase;

import com.unsubscribesync.collect.CsvLayout;
import com.unsubscribesync.collect.ImportOptions;
import com.unsubscribesync.collect.ImportProgress;
import com.unsubscribesync.collect.ImportReport;
import com.unsubscribesync.collect.UnsubscribeImporter;
import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.InvalidInputException;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import com.unsubscribesync.store.UnsubscribeRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Recording unsubscribes, one typed in or a CSV file of them; each new one is queued and the pusher woken. */
public final class RecordUnsubscribe {
    private final UnsubscribeRepository unsubscribes;
    private final UnsubscribeImporter importer;
    private final Clock clock;
    private final String actor;
    private final PusherWake pusher;

    /** @param actor who is acting, as written into history */
    public RecordUnsubscribe(
            UnsubscribeRepository unsubscribes,
            UnsubscribeImporter importer,
            Clock clock,
            String actor,
            PusherWake pusher) {
        this.unsubscribes = unsubscribes;
        this.importer = importer;
        this.clock = clock;
        this.actor = actor;
        this.pusher = pusher;
    }

    /**
     * What recording one address did.
     *
     * @param unsubscribe the new unsubscribe, or the earlier one that stays when the address was unsubscribed already
     */
    public record Recorded(Unsubscribe unsubscribe, boolean added) {}

    /** Sources only the app itself sets (the nightly run, an import) cannot be given by hand. */
    public static final class SetByTheApp extends InvalidInputException {
        public static final String WHY = "is set by the app itself: use manual, clicked-link or bounce";

        SetByTheApp(UnsubscribeSource source) {
            super("source " + source.key() + " " + WHY);
        }
    }

    public Recorded add(Email email, UnsubscribeSource source, Optional<String> reason) {
        refuseSetByTheApp(source);
        Unsubscribe unsubscribe = new Unsubscribe(email, clock.instant(), source, actor, reason);
        if (unsubscribes.add(unsubscribe)) {
            pusher.wake();
            return new Recorded(unsubscribe, true);
        }
        return new Recorded(unsubscribes.find(email).orElse(unsubscribe), false);
    }

    /** One address to record, and why. */
    public record Request(Email email, Optional<String> reason) {}

    /**
     * Records several unsubscribes from one source in one transaction (clicks that arrived together); returns, in
     * order, whether each was new.
     */
    public List<Boolean> addTogether(List<Request> requests, UnsubscribeSource source) {
        refuseSetByTheApp(source);
        Instant now = clock.instant();
        List<Unsubscribe> unsubscribes = requests.stream()
                .map(request -> new Unsubscribe(request.email(), now, source, actor, request.reason()))
                .toList();
        List<Boolean> added = this.unsubscribes.addTogether(unsubscribes);
        if (added.contains(true)) {
            pusher.wake();
        }
        return added;
    }

    private static void refuseSetByTheApp(UnsubscribeSource source) {
        if (source == UnsubscribeSource.SALESFORCE_SYNC || source == UnsubscribeSource.IMPORT) {
            throw new SetByTheApp(source);
        }
    }

    /** Imports a CSV file as the layout reads it; nothing is written on a dry run or when a row is bad and kept. */
    public ImportReport importFile(Path file, CsvLayout layout, ImportOptions options, ImportProgress progress) {
        ImportReport report = importer.importFile(file, layout, options, actor, progress);
        if (report.written()) {
            pusher.wake();
        }
        return report;
    }
}
