package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.OptOutField;
import java.util.Optional;

/** Which field to look for: Email Opt Out, or the package field by label unless the admin gave its API name. */
public record OptOutFieldRequest(OptOutField field, Optional<String> apiNameOverride) {
}
