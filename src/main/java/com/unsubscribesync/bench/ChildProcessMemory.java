package com.unsubscribesync.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most memory a process held (its resident set's high-water mark, from {@code /proc}), looked at every 100 ms
 * until it ends. Where there is no {@code /proc} (not Linux) it stays unknown: -1.
 */
final class ChildProcessMemory implements AutoCloseable {
    private final Path status;
    private final AtomicLong peakKb = new AtomicLong(-1);
    private final Thread watcher;

    ChildProcessMemory(Process process) {
        this.status = Path.of("/proc", String.valueOf(process.pid()), "status");
        this.watcher = new Thread(
                () -> {
                    while (process.isAlive()) {
                        look();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "bench-child-memory");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void look() {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakKb.accumulateAndGet(kb, Math::max);
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone already, or no /proc here: the last look stands.
        }
    }

    /** The peak in megabytes, -1 when it could not be seen. */
    long peakMb() {
        long kb = peakKb.get();
        return kb < 0 ? -1 : Math.round(kb / 1024.0);
    }

    @Override
    public void close() {
        watcher.interrupt();
    }
}
