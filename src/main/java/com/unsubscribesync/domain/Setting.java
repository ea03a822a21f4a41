package com.unsubscribesync.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Each setting an admin can change, by the key the command line and the window share, with the one rule that reads
 * a typed value: both {@code settings set KEY=VALUE} and the console's settings go through {@link #apply}, so a
 * value is refused in the same sentence wherever it is typed.
 */
public enum Setting {
    NIGHTLY_SYNC("nightly-sync"),
    FIELD("field"),
    FIELD_API_NAME("field-api-name"),
    RESUBSCRIBE_POLICY("resubscribe-policy"),
    MATCH_BY_EMAIL("match-by-email"),
    API_RESERVE_PERCENT("api-reserve-percent"),
    BULK_THRESHOLD("bulk-threshold"),
    CALLS_IN_FLIGHT("calls-in-flight"),
    BULK_QUERY_FROM("bulk-query-from");

    private static final String API_NAME = "[A-Za-z][A-Za-z0-9_]{0,79}";

    private final String key;

    Setting(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Setting ofKey(String key) {
        return Arrays.stream(values())
                .filter(setting -> setting.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new InvalidInputException("setting '" + PrintableText.of(key) + "' is unknown: use "
                        + Arrays.stream(values())
                                .limit(values().length - 1L)
                                .map(Setting::key)
                                .collect(Collectors.joining(", "))
                        + " or " + values()[values().length - 1].key));
    }

    /** Reads {@code KEY=VALUE} and applies it. */
    public static SyncSettings applyAssignment(SyncSettings settings, String assignment) {
        int equals = assignment.indexOf('=');
        if (equals <= 0) {
            throw new InvalidInputException(
                    "'" + PrintableText.of(assignment) + "' is not KEY=VALUE, e.g. " + "nightly-sync=on");
        }
        return ofKey(assignment.substring(0, equals).strip()).apply(settings, assignment.substring(equals + 1));
    }

    /** The settings with this one set to the value as typed; an unreadable value is refused in one sentence. */
    public SyncSettings apply(SyncSettings settings, String typed) {
        String value = typed.strip();
        return switch (this) {
            case NIGHTLY_SYNC -> settings.withNightlySync(onOff(value));
            case FIELD -> settings.withField(OptOutField.parse(value));
            case FIELD_API_NAME -> settings.withFieldApiName(apiName(value));
            case RESUBSCRIBE_POLICY -> settings.withResubscribePolicy(ResubscribePolicy.parse(value));
            case MATCH_BY_EMAIL -> settings.withMatchByEmail(onOff(value));
            case API_RESERVE_PERCENT -> settings.withApiReservePercent(wholeNumber(value));
            case BULK_THRESHOLD -> settings.withBulkThreshold(wholeNumber(value));
            case CALLS_IN_FLIGHT -> settings.withCallsInFlight(wholeNumber(value));
            case BULK_QUERY_FROM ->
                settings.withBulkQueryFrom(
                        value.equalsIgnoreCase("off")
                                ? SyncSettings.BULK_QUERY_OFF
                                : SyncSettings.bulkQueryFrom(wholeNumber(value, " or off")));
        };
    }

    /** The value as {@link #apply} reads it back. */
    public String valueIn(SyncSettings settings) {
        return switch (this) {
            case NIGHTLY_SYNC -> settings.nightlySync() ? "on" : "off";
            case FIELD -> settings.field().key();
            case FIELD_API_NAME -> settings.fieldApiName().orElse("");
            case RESUBSCRIBE_POLICY -> settings.resubscribePolicy().key();
            case MATCH_BY_EMAIL -> settings.matchByEmail() ? "on" : "off";
            case API_RESERVE_PERCENT -> String.valueOf(settings.apiReservePercent());
            case BULK_THRESHOLD -> String.valueOf(settings.bulkThreshold());
            case CALLS_IN_FLIGHT -> String.valueOf(settings.callsInFlight());
            case BULK_QUERY_FROM ->
                settings.bulkQueryFrom() == SyncSettings.BULK_QUERY_OFF
                        ? "off"
                        : String.valueOf(settings.bulkQueryFrom());
        };
    }

    private boolean onOff(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new InvalidInputException(key + "='" + PrintableText.of(value) + "' is not on or off");
        };
    }

    /** Empty means: find the field by its label again. */
    private Optional<String> apiName(String value) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.matches(API_NAME)) {
            throw new InvalidInputException(key + " '" + PrintableText.of(value) + "' is not a Salesforce API name "
                    + "(letters, digits and underscores, e.g. mkto_si__Opt_Out__c)");
        }
        return Optional.of(value);
    }

    private int wholeNumber(String value) {
        return wholeNumber(value, "");
    }

    private int wholeNumber(String value, String orElse) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key + "='" + PrintableText.of(value) + "' is not a whole number" + orElse);
        }
    }
}
