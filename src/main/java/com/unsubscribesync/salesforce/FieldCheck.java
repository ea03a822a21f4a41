package com.unsubscribesync.salesforce;

import com.unsubscribesync.domain.SObjectType;
import java.util.Map;
import java.util.Optional;

/** The chosen field on each object. */
public record FieldCheck(Map<SObjectType, ObjectField> objects) {

    /**
     * @param apiName        the field's API name on this object, when found
     * @param exists         the field is visible to the connected user
     * @param checkbox       its type is boolean
     * @param updateable     the connected user may write it (field-level security and the object permission)
     * @param problem        a sentence for the admin when the field cannot be used
     * @param objectEditable the connected user's object permission includes Edit ({@code updateable} of the object);
     *                       without it describe reports every field read-only, whatever field-level security says
     */
    public record ObjectField(
            Optional<String> apiName,
            boolean exists,
            boolean checkbox,
            boolean updateable,
            Optional<String> problem,
            boolean objectEditable) {

        /** A field on an object the user may edit. */
        public ObjectField(
                Optional<String> apiName,
                boolean exists,
                boolean checkbox,
                boolean updateable,
                Optional<String> problem) {
            this(apiName, exists, checkbox, updateable, problem, true);
        }

        public boolean usable() {
            return exists && checkbox && updateable;
        }
    }
}
