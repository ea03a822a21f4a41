package com.unsubscribesync.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How the command line words things for people: times in the admin's zone to the second, counts with their noun
 * in agreement. JSON output keeps ISO-8601 UTC (ADR 0040).
 */
public final class Wording {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);

    private Wording() {}

    /** e.g. "2026-12-02 12:00:05 PST". */
    public static String time(Instant instant, ZoneId zone) {
        return TIME.format(instant.atZone(zone));
    }

    /** e.g. "1 new conflict", "2 new conflicts". */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
