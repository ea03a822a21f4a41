package com.unsubscribesync.usecase;

import java.util.Optional;

/**
 * Which org and user a connection reached.
 *
 * @param warning what the admin should know about the new connection, e.g. that it replaced a damaged one
 */
public record ConnectedOrg(
        String organizationId,
        String organizationName,
        String userName,
        String instanceUrl,
        boolean demo,
        Optional<String> warning) {}
