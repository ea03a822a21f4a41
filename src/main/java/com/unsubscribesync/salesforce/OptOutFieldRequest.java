package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.OptOutField;
import com.unsubscribesync.domain.SyncSettings;
import java.util.Optional;

/** Which field to look for: Email Opt Out, or the package field by label unless the admin gave its API name. */
public record OptOutFieldRequest(OptOutField field, Optional<String> apiNameOverride) {

    /** The chosen field; a typed API name names the package field only, never Email Opt Out. */
    public static OptOutFieldRequest of(SyncSettings settings) {
        return new OptOutFieldRequest(
                settings.field(),
                settings.field() == OptOutField.MARKETO_SALES_OPT_OUT ? settings.fieldApiName() : Optional.empty());
    }
}
