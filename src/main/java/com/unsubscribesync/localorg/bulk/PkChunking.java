package com.unsubscribesync.localorg.bulk;

import java.util.Locale;
import java.util.Optional;

/**
 * The {@code Sforce-Enable-PKChunking} header of a query job, as Salesforce documents it: {@code TRUE}, {@code FALSE},
 * or {@code chunkSize=N; startRow=ID}. Chunks are 100 000 ids by default and at most 250 000; they start at the
 * table's first record unless {@code startRow} names another.
 */
record PkChunking(int chunkSize, String startRow) {
    static final String HEADER = "Sforce-Enable-PKChunking";
    static final int DEFAULT_SIZE = 100_000;
    static final int MAX_SIZE = 250_000;

    /** The chunking the header asks for; empty when it is absent or FALSE. */
    static Optional<PkChunking> parse(String header) {
        if (header == null || header.isBlank() || header.strip().equalsIgnoreCase("false")) {
            return Optional.empty();
        }
        if (header.strip().equalsIgnoreCase("true")) {
            return Optional.of(new PkChunking(DEFAULT_SIZE, null));
        }
        int size = DEFAULT_SIZE;
        String startRow = null;
        for (String part : header.split(";")) {
            String[] pair = part.split("=", 2);
            String name = pair[0].strip().toLowerCase(Locale.ROOT);
            String value = pair.length == 2 ? pair[1].strip() : "";
            switch (name) {
                case "chunksize" -> size = size(value);
                case "startrow" -> startRow = value;
                case "parent" -> {
                    // Only for sharing objects, which the local org does not have; the chunks are the same.
                }
                default -> throw refused("Unknown PK chunking option '" + pair[0].strip() + "'");
            }
        }
        return Optional.of(new PkChunking(size, startRow));
    }

    private static int size(String value) {
        try {
            int size = Integer.parseInt(value);
            if (size >= 1 && size <= MAX_SIZE) {
                return size;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw refused("chunkSize must be a number from 1 to " + MAX_SIZE + ", not '" + value + "'");
    }

    private static AsyncError refused(String message) {
        return new AsyncError(400, "InvalidJob", "Invalid " + HEADER + " header: " + message);
    }
}
