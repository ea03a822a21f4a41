package com.unsubscribesync.collect;

import com.unsubscribesync.domain.Email;
import com.unsubscribesync.domain.Unsubscribe;
import com.unsubscribesync.domain.UnsubscribeSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * Hands unsubscribes over in email order, whatever order the file had, with bounded memory: runs of rows are
 * sorted and spilled to temporary files, then merged. Writing keys in order turns the database's random index
 * inserts into appends, which made large imports several times faster. The sort is stable, so among rows with
 * the same address the first in the file still comes first (and wins). The runs live in the import's owner-only
 * scratch folder in the data directory, never in the system's temporary folder.
 */
final class SortedByEmail implements Iterator<Unsubscribe>, AutoCloseable {
    static final int RUN_SIZE = 50_000;
    private static final Comparator<Unsubscribe> BY_EMAIL = Comparator.comparing(Unsubscribe::email);

    private final ImportScratch scratch;
    private final PriorityQueue<Run> runs = new PriorityQueue<>(
            Comparator.comparing((Run run) -> run.head.email()).thenComparingInt(run -> run.index));

    /** @param workFolder where the import's scratch folder is made: {@code import-work} in the data directory */
    SortedByEmail(Iterator<Unsubscribe> rows, Path workFolder) {
        try {
            scratch = ImportScratch.create(workFolder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make a scratch folder for the import in " + workFolder, e);
        }
        try {
            int index = 0;
            List<Unsubscribe> run = new ArrayList<>(RUN_SIZE);
            while (rows.hasNext()) {
                run.add(rows.next());
                if (run.size() == RUN_SIZE) {
                    spill(run, index++);
                    run.clear();
                }
            }
            if (!run.isEmpty()) {
                spill(run, index);
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io
                    ? new UncheckedIOException("could not sort the import in " + scratch.folder(), io)
                    : (RuntimeException) e;
        }
    }

    private void spill(List<Unsubscribe> rows, int index) throws IOException {
        rows.sort(BY_EMAIL);
        Path file = scratch.newFile("run-" + index);
        try (DataOutputStream out =
                new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
            for (Unsubscribe row : rows) {
                out.writeUTF(row.email().value());
                out.writeLong(row.at().getEpochSecond());
                out.writeInt(row.at().getNano());
                out.writeByte(row.source().ordinal());
                out.writeUTF(row.actor());
                out.writeBoolean(row.reason().isPresent());
                if (row.reason().isPresent()) {
                    out.writeUTF(row.reason().get());
                }
            }
        }
        Run run = new Run(index, new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16)));
        if (run.advance()) {
            runs.add(run);
        }
    }

    @Override
    public boolean hasNext() {
        return !runs.isEmpty();
    }

    @Override
    public Unsubscribe next() {
        Run run = runs.poll();
        if (run == null) {
            throw new NoSuchElementException();
        }
        Unsubscribe row = run.head;
        if (run.advance()) {
            runs.add(run);
        }
        return row;
    }

    @Override
    public void close() {
        for (Run run : runs) {
            run.close();
        }
        runs.clear();
        scratch.close();
    }

    /** One sorted run on disk and its current first row. */
    private static final class Run {
        private final int index;
        private final DataInputStream in;
        private Unsubscribe head;

        Run(int index, DataInputStream in) {
            this.index = index;
            this.in = in;
        }

        boolean advance() {
            try {
                String email = in.readUTF();
                Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
                UnsubscribeSource source = UnsubscribeSource.values()[in.readByte()];
                String actor = in.readUTF();
                Optional<String> reason = in.readBoolean() ? Optional.of(in.readUTF()) : Optional.empty();
                head = new Unsubscribe(new Email(email), at, source, actor, reason);
                return true;
            } catch (EOFException e) {
                close();
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException("could not read back the sorted import", e);
            }
        }

        void close() {
            try {
                in.close();
            } catch (IOException e) {
                // Only read.
            }
        }
    }
}
