package com.unsubscribesync.localorg.bulk;

/**
 * One result of a query batch, kept gzipped as the batch left it (Salesforce keeps results for seven days, so a later
 * change to a record does not change them): its id, the compressed CSV, its length unzipped and its records.
 */
record ResultFile(String id, byte[] gzipped, long bytes, int records) {}
