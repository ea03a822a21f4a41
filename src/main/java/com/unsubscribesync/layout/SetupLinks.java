package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import java.net.URI;

/**
 * Addresses of the org's Lightning Setup pages. A My Domain instance ({@code acme.my.salesforce.com}, also
 * sandboxes) serves Lightning at {@code acme.lightning.force.com}; any other instance URL is used as it is.
 */
public final class SetupLinks {
    private static final String MY_DOMAIN = ".my.salesforce.com";
    private static final String LIGHTNING = ".lightning.force.com";

    private final String base;

    public SetupLinks(String instanceUrl) {
        URI uri = URI.create(instanceUrl.strip());
        String host = uri.getHost() == null ? "" : uri.getHost();
        String scheme = uri.getScheme() == null ? "https" : uri.getScheme();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        if (host.endsWith(MY_DOMAIN)) {
            host = host.substring(0, host.length() - MY_DOMAIN.length()) + LIGHTNING;
        }
        this.base = scheme + "://" + host + port;
    }

    /** The object's Page Layouts list in Object Manager. */
    public String pageLayouts(SObjectType type) {
        return base + "/lightning/setup/ObjectManager/" + type.apiName() + "/PageLayouts/view";
    }

    /** One layout's page in Object Manager, from its record id; the list when the id is unknown. */
    public String pageLayout(SObjectType type, String layoutId) {
        if (layoutId == null || layoutId.isBlank()) {
            return pageLayouts(type);
        }
        return base + "/lightning/setup/ObjectManager/" + type.apiName() + "/PageLayouts/" + layoutId + "/view";
    }

    /** The object's Fields & Relationships list, where field-level security is set. */
    public String fields(SObjectType type) {
        return base + "/lightning/setup/ObjectManager/" + type.apiName() + "/FieldsAndRelationships/view";
    }
}
