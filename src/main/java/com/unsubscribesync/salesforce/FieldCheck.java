package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.SObjectType;
import java.util.Map;
import java.util.Optional;

/** The chosen field on each object. */
public record FieldCheck(Map<SObjectType, ObjectField> objects) {

    /**
     * @param apiName     the field's API name on this object, when found
     * @param exists      the field is visible to the connected user
     * @param checkbox    its type is boolean
     * @param updateable  the connected user may write it (field-level security)
     * @param problem     a sentence for the admin when the field cannot be used
     */
    public record ObjectField(Optional<String> apiName, boolean exists, boolean checkbox, boolean updateable,
            Optional<String> problem) {
        public boolean usable() {
            return exists && checkbox && updateable;
        }
    }
}
