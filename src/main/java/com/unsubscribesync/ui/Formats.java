package com.unsubscribesync.ui;

import com.unsubscribesync.domain.NightlySchedule;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Times and numbers as the admin reads them: in their own time zone, grouped digits. */
public final class Formats {
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private Formats() {}

    /** For table columns: "1 May 2024 22:00". */
    public static String compact(Instant instant, ZoneId zone) {
        return COMPACT.format(instant.atZone(zone));
    }

    public static String dateTime(Instant instant, ZoneId zone) {
        return DAY_AND_TIME.format(instant.atZone(zone));
    }

    /** "daily at 8:00 PM Pacific — 05:00 in your time zone (Central European Time)" */
    public static String schedule(Instant now, ZoneId zone) {
        Instant next = NightlySchedule.nextRunAfter(now);
        return "Daily at 8:00 PM Pacific — " + TIME.format(next.atZone(zone)) + " in your time zone ("
                + zone.getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ")";
    }

    public static String count(long value) {
        return String.format(Locale.ENGLISH, "%,d", value);
    }

    public static String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        return seconds / 60 + " min " + seconds % 60 + " s";
    }

    public static String plural(long value, String one, String many) {
        return count(value) + " " + (value == 1 ? one : many);
    }
}
