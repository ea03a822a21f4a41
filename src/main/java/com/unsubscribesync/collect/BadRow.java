package com.unsubscribesync.collect;

/**
 * A row an import refused.
 *
 * @param line   the line of the file where the row starts (1 is the first line)
 * @param value  the row's email cell as written, shortened when huge; empty when the cell was empty
 * @param reason what is wrong, in a sentence
 */
public record BadRow(long line, String value, String reason) {}
