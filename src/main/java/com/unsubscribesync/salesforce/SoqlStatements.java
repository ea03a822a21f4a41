package com.unsubscribesync.salesforce;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** SOQL text the records adapter builds: IN lists cut to the statement length limit, and watermarks. */
final class SoqlStatements {
    /** Salesforce's default limit on the length of one SOQL statement. */
    static final int SOQL_MAX_LENGTH = 100_000;

    private SoqlStatements() {}

    /** {@code head} followed by the quoted values and {@code )}, in as few statements as the length limit allows. */
    static List<String> in(String head, List<String> quoted) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder(head);
        int inList = 0;
        for (String value : quoted) {
            int separator = inList == 0 ? 0 : 1;
            if (inList > 0 && statement.length() + separator + value.length() + 1 > SOQL_MAX_LENGTH) {
                statements.add(statement.append(')').toString());
                statement = new StringBuilder(head);
                inList = 0;
                separator = 0;
            }
            if (head.length() + value.length() + 1 > SOQL_MAX_LENGTH) {
                throw new IllegalArgumentException(
                        "a value of " + value.length() + " characters cannot fit in a " + "SOQL statement");
            }
            statement.append(separator == 0 ? "" : ",").append(value);
            inList++;
        }
        if (inList > 0) {
            statements.add(statement.append(')').toString());
        }
        return statements;
    }

    /**
     * Whole seconds, rounded down, for {@code SystemModstamp >=}: Salesforce stores a change to the second, so a
     * change made within the watermark's second has exactly that second and is read (again, harmlessly).
     */
    static String dateTime(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
