package com.unsubscribesync.collect;

/**
 * @param dryRun       check and report, write nothing
 * @param skipInvalid  import the good rows even when some are bad
 */
public record ImportOptions(boolean dryRun, boolean skipInvalid) {}
