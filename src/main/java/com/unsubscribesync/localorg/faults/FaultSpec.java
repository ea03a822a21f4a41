package com.unsubscribesync.localorg.faults;

import com.unsubscribesync.localorg.state.FieldAccess;
import com.unsubscribesync.localorg.state.ObjectAccess;
import com.unsubscribesync.localorg.state.Permission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code --faults} comma list, e.g.
 * {@code update:UNABLE_TO_LOCK_ROW@0.05,session-expire-every:100,latency:20ms,html503@0.01,drop@0.01,
 * api-limit:500,metadata-down-after-saves:2,fls:Contact.HasOptedOutOfEmail=readonly,permission:ApiEnabled=off,object:Lead=read}. A bad item
 * is refused with a sentence naming it.
 */
public final class FaultSpec {
    public static final Set<String> RECORD_OPERATIONS = Set.of("create", "update", "delete", "merge", "convertLead");

    private static final Pattern RECORD = Pattern.compile("([A-Za-z]+):([A-Z_]+)(?:@([0-9.]+))?");
    private static final Pattern RATED = Pattern.compile("([a-z0-9-]+)(?:@([0-9.]+))?");
    private static final Pattern DURATION = Pattern.compile("([0-9]+)(ms|s)");
    private static final Pattern FLS = Pattern.compile("([A-Za-z]+)\\.([A-Za-z0-9_]+)=([a-z-]+)");
    private static final Pattern SETTING = Pattern.compile("([A-Za-z_]+)=([a-z-]+)");

    private FaultSpec() {}

    public static List<FaultRule> parse(String spec) {
        List<FaultRule> rules = new ArrayList<>();
        if (spec == null || spec.isBlank()) {
            return rules;
        }
        for (String raw : spec.split(",")) {
            String item = raw.trim();
            if (!item.isEmpty()) {
                rules.add(parseItem(item));
            }
        }
        return rules;
    }

    private static FaultRule parseItem(String item) {
        int colon = item.indexOf(':');
        String head = colon < 0 ? item : item.substring(0, colon);
        String value = colon < 0 ? "" : item.substring(colon + 1);
        switch (head.toLowerCase(Locale.ROOT)) {
            case "session-expire-every": {
                int every = positive(item, value);
                if (every < 2) {
                    throw bad(item, "a session must serve at least one call before it expires, so give 2 or more");
                }
                return new FaultRule.SessionExpiry(every);
            }
            case "latency": {
                Matcher m = DURATION.matcher(value);
                if (!m.matches()) {
                    throw bad(item, "give the latency as e.g. 20ms or 1s");
                }
                long amount = Long.parseLong(m.group(1));
                return new FaultRule.Latency(
                        m.group(2).equals("ms") ? Duration.ofMillis(amount) : Duration.ofSeconds(amount));
            }
            case "api-limit":
                return new FaultRule.DailyApiLimit(positive(item, value));
            case "metadata-down-after-saves":
                return new FaultRule.MetadataOutageAfterSaves(positive(item, value));
            case "fls": {
                Matcher m = FLS.matcher(value);
                if (!m.matches()) {
                    throw bad(item, "write it as fls:Object.Field=editable|readonly|hidden");
                }
                try {
                    return new FaultRule.FieldSecurityRule(m.group(1), m.group(2), FieldAccess.parse(m.group(3)));
                } catch (IllegalArgumentException e) {
                    throw bad(item, e.getMessage());
                }
            }
            case "permission": {
                Matcher m = SETTING.matcher(value);
                Optional<Permission> permission = m.matches() ? Permission.byName(m.group(1)) : Optional.empty();
                if (permission.isEmpty() || !Set.of("on", "off").contains(m.group(2))) {
                    throw bad(
                            item,
                            "write it as permission:NAME=on|off with NAME one of "
                                    + String.join(
                                            ", ",
                                            Arrays.stream(Permission.values())
                                                    .map(p -> p.fieldName().substring("Permissions".length()))
                                                    .toList()));
                }
                return new FaultRule.PermissionRule(permission.get(), m.group(2).equals("on"));
            }
            case "object": {
                Matcher m = SETTING.matcher(value);
                if (!m.matches()
                        || !Set.of("lead", "contact").contains(m.group(1).toLowerCase(Locale.ROOT))) {
                    throw bad(item, "write it as object:Lead|Contact=edit|read");
                }
                try {
                    return new FaultRule.ObjectAccessRule(m.group(1), ObjectAccess.parse(m.group(2)));
                } catch (IllegalArgumentException e) {
                    throw bad(item, e.getMessage());
                }
            }
            default:
                break;
        }
        Matcher rated = RATED.matcher(item);
        if (rated.matches()) {
            double rate = rate(item, rated.group(2));
            switch (rated.group(1)) {
                case "html503":
                    return new FaultRule.MaintenancePage(rate);
                case "drop", "drop-connection":
                    return new FaultRule.DroppedConnection(rate);
                default:
                    break;
            }
        }
        Matcher record = RECORD.matcher(item);
        if (record.matches()) {
            String operation = record.group(1);
            if (!RECORD_OPERATIONS.contains(operation)) {
                throw bad(
                        item,
                        "the operation must be one of "
                                + String.join(
                                        ", ",
                                        RECORD_OPERATIONS.stream().sorted().toList()));
            }
            if (!StatusCodes.isKnown(record.group(2))) {
                throw bad(item, record.group(2) + " is not a status code the Salesforce client knows");
            }
            return new FaultRule.RecordError(operation, record.group(2), rate(item, record.group(3)));
        }
        throw bad(
                item,
                "expected OPERATION:STATUS_CODE@RATE, session-expire-every:N, latency:Nms, html503@RATE, "
                        + "drop@RATE, api-limit:N, metadata-down-after-saves:N, fls:Object.Field=ACCESS, permission:NAME=on|off or object:Object=edit|read");
    }

    private static int positive(String item, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw bad(item, "'" + value + "' is not a positive whole number");
    }

    private static double rate(String item, String text) {
        if (text == null) {
            return 1.0;
        }
        try {
            double rate = Double.parseDouble(text);
            if (rate >= 0 && rate <= 1) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw bad(item, "the rate '" + text + "' must be a number from 0 to 1");
    }

    private static IllegalArgumentException bad(String item, String why) {
        return new IllegalArgumentException("fault '" + item + "' is not understood: " + why);
    }
}
