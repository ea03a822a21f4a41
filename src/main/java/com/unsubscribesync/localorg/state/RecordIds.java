package com.unsubscribesync.localorg.state;

import com.unsubscribesync.domain.SalesforceId;

/**
 * Mints 18-character ids from a key prefix and a row number, and reads the row number back, so ids cost no memory.
 * The shape is prefix + "5e000" + seven base-62 digits, then the case checksum.
 */
public final class RecordIds {
    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final String INFIX = "5e000";
    private static final int NUMBER_LENGTH = 7;

    private RecordIds() {}

    public static String idOf(String keyPrefix, int row) {
        char[] number = new char[NUMBER_LENGTH];
        long value = row + 1L;
        for (int i = NUMBER_LENGTH - 1; i >= 0; i--) {
            number[i] = DIGITS.charAt((int) (value % 62));
            value /= 62;
        }
        String id15 = keyPrefix + INFIX + new String(number);
        return id15 + SalesforceId.checksumSuffix(id15);
    }

    /** The row an id names under this prefix, or -1 when it is malformed, has another prefix or a bad checksum. */
    public static int rowOf(String keyPrefix, String id) {
        if (id == null
                || (id.length() != 15 && id.length() != 18)
                || !id.startsWith(keyPrefix)
                || !id.startsWith(INFIX, 3)) {
            return -1;
        }
        String id15 = id.substring(0, 15);
        if (id.length() == 18 && !id.substring(15).equalsIgnoreCase(SalesforceId.checksumSuffix(id15))) {
            return -1;
        }
        long value = 0;
        for (int i = 8; i < 15; i++) {
            int digit = DIGITS.indexOf(id15.charAt(i));
            if (digit < 0) {
                return -1;
            }
            value = value * 62 + digit;
        }
        return value < 1 || value > Integer.MAX_VALUE ? -1 : (int) (value - 1);
    }

    /** Whether the text is shaped like any Salesforce id (15 or 18 letters and digits). */
    public static boolean looksLikeId(String text) {
        if (text == null || (text.length() != 15 && text.length() != 18)) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (DIGITS.indexOf(text.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The 18-character form of a 15- or 18-character id. */
    public static String to18(String id) {
        return id.length() == 15 ? id + SalesforceId.checksumSuffix(id) : id;
    }
}
