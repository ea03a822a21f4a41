package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.layout.IntegrationUserRights;
import java.util.Map;
import java.util.Optional;

/**
 * The one record of the Salesforce connection's state, for the console and the command line alike.
 *
 * @param org     the connected org; empty when none is connected or it could not be reached
 * @param fields  the chosen field per object, for the objects the org answered about
 * @param problem why no org is connected or reachable, when known
 * @param rights  the integration user's rights; empty when not known
 */
public record OrgState(
        Optional<ConnectedOrg> org,
        Map<SObjectType, FieldState> fields,
        Optional<Long> apiUsed,
        Optional<Long> apiLimit,
        Optional<String> problem,
        Optional<IntegrationUserRights> rights) {

    public static OrgState notConnected(Optional<String> why) {
        return new OrgState(Optional.empty(), Map.of(), Optional.empty(), Optional.empty(), why, Optional.empty());
    }

    public boolean connected() {
        return org.isPresent();
    }

    public boolean demo() {
        return org.map(ConnectedOrg::demo).orElse(false);
    }

    /** The org's name; empty text when none is connected. */
    public String organizationName() {
        return org.map(ConnectedOrg::organizationName).orElse("");
    }

    public String userName() {
        return org.map(ConnectedOrg::userName).orElse("");
    }

    public String instanceUrl() {
        return org.map(ConnectedOrg::instanceUrl).orElse("");
    }
}
