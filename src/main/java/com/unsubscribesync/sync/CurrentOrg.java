package com.unsubscribesync.sync;

import com.unsubscribesync.salesforce.SalesforceOrg;
import java.util.Optional;

/** The org the engine works with right now, if one is connected. */
@FunctionalInterface
public interface CurrentOrg {
    Optional<SalesforceOrg> current();
}
