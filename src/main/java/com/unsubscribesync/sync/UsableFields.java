package com.unsubscribesync.sync;

import com.unsubscribesync.domain.SObjectType;
import com.unsubscribesync.salesforce.FieldCheck;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where the opt-out can be written now: the API name of each object's usable field, and the objects whose
 * opt-outs wait for theirs.
 */
record UsableFields(FieldCheck check, Map<SObjectType, String> apiNames, Set<SObjectType> blocked) {
    static UsableFields of(FieldCheck check) {
        Map<SObjectType, String> apiNames = new EnumMap<>(SObjectType.class);
        Set<SObjectType> blocked = EnumSet.noneOf(SObjectType.class);
        for (SObjectType type : SObjectType.values()) {
            OptOutFields.usableApiName(check, type)
                    .ifPresentOrElse(name -> apiNames.put(type, name), () -> blocked.add(type));
        }
        return new UsableFields(check, apiNames, blocked);
    }
}
