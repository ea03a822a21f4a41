package com.unsubscribesync.usecase;

import java.util.Optional;

/**
 * The chosen opt-out field on one object, as the org answered.
 *
 * @param updateable meaningful only when the field exists
 * @param onLayouts  whether it is on every page layout of the object; empty when the layouts could not be read
 */
public record FieldState(
        Optional<String> apiName,
        boolean exists,
        boolean updateable,
        Optional<Boolean> onLayouts,
        Optional<String> problem) {

    /** Exists, may be edited by the integration user, and is not known to be missing from a layout. */
    public boolean usable() {
        return exists && updateable && onLayouts.orElse(true);
    }
}
