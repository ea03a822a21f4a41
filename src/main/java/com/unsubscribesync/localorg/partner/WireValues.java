package com.unsubscribesync.localorg.partner;

import com.unsubscribesync.localorg.soap.SoapFault;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * How values look on the wire: dateTimes in UTC with milliseconds (stored fields are kept to the second, so theirs are
 * always {@code .000}), booleans as true/false.
 */
public final class WireValues {
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private WireValues() {}

    public static String format(Object value) {
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant);
        }
        return String.valueOf(value);
    }

    static Instant dateTime(String text, String what) {
        if (text == null) {
            throw SoapFault.unexpected("INVALID_FIELD", what + " is required");
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw SoapFault.unexpected(
                    "INVALID_FIELD", "'" + text + "' is not a valid value for the type" + " xsd:dateTime of " + what);
        }
    }

    static Instant toMinute(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MINUTES);
    }
}
