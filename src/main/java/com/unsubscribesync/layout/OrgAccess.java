package com.unsubscribesync.layout;

import java.util.Optional;

/** The connected org, if there is one; may throw the port's exception when it cannot be reached. */
@FunctionalInterface
public interface OrgAccess {
    Optional<LayoutOrg> current();
}
