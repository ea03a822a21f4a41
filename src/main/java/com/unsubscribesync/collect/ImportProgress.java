package com.unsubscribesync.collect;

/** How far an import is; the console shows it, the command line does not listen. */
@FunctionalInterface
public interface ImportProgress {
    ImportProgress NONE = (step, rows, fraction) -> {};

    /**
     * @param step     "Checking" or "Writing"
     * @param rows     rows done in this step
     * @param fraction share of the file done in this step, 0 to 1
     */
    void update(String step, long rows, double fraction);
}
