package com.unsubscribesync.salesforce;

/**
 * @param demo true for the embedded local org, which the console badges as such
 */
public record OrgIdentity(
        String organizationId,
        String organizationName,
        String userId,
        String userName,
        String instanceUrl,
        boolean demo) {}
