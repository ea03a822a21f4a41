package com.unsubscribesync.salesforce;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Metadata API version the app speaks: the version of the metadata classes it ships (force-metadata-api), read
 * from the jar's own endpoint so that bumping the dependency moves it. force-wsc reads only the elements and enum
 * values of that version; an org asked at a later version may answer with ones it cannot parse.
 */
public final class MetadataApiVersion {
    private static final Pattern VERSION_IN_PATH = Pattern.compile("/services/Soap/m/(\\d{1,3}\\.\\d)(?=/|$)");

    /** The version of the shipped metadata classes, e.g. {@code 62.0}. */
    public static final String SHIPPED = of(com.sforce.soap.metadata.Connector.END_POINT);

    private MetadataApiVersion() {}

    /** The version in a Metadata endpoint ({@code …/services/Soap/m/62.0[/orgId]}). */
    static String of(String endpoint) {
        Matcher matcher = VERSION_IN_PATH.matcher(endpoint);
        if (!matcher.find()) {
            throw new IllegalStateException("The Metadata endpoint " + endpoint + " names no API version");
        }
        return matcher.group(1);
    }

    /** The same endpoint at the shipped version, whatever version the org or a login gave it. */
    static String endpointAtShipped(String endpoint) {
        Matcher matcher = VERSION_IN_PATH.matcher(endpoint);
        if (!matcher.find()) {
            throw new IllegalArgumentException(
                    "The org gave a Metadata address without /services/Soap/m/: " + endpoint);
        }
        return endpoint.substring(0, matcher.start(1)) + SHIPPED + endpoint.substring(matcher.end(1));
    }

    /** The shipped version as the number {@code listMetadata} takes. */
    static double asNumber() {
        return Double.parseDouble(SHIPPED);
    }
}
