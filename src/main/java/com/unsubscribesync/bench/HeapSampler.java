package com.unsubscribesync.bench;

/**
 * Samples the heap in use every 20 ms while a benchmark runs; the memory pools' own peaks are reached at different
 * times and overstate it.
 */
final class HeapSampler implements AutoCloseable {
    private final Thread thread;
    private volatile long peak;

    HeapSampler() {
        thread = new Thread(this::sample, "bench-heap-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        Runtime runtime = Runtime.getRuntime();
        while (!Thread.currentThread().isInterrupted()) {
            peak = Math.max(peak, runtime.totalMemory() - runtime.freeMemory());
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Starts counting again from what is in use now. */
    void restart() {
        Runtime runtime = Runtime.getRuntime();
        peak = runtime.totalMemory() - runtime.freeMemory();
    }

    long peakMb() {
        Runtime runtime = Runtime.getRuntime();
        return Math.max(peak, runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }

    @Override
    public void close() {
        thread.interrupt();
    }
}
