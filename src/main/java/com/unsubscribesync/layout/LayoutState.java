package com.unsubscribesync.layout;

import java.util.Optional;

/**
 * One page layout and the opt-out field on it.
 *
 * @param fullName the org's name for the layout (the one to pass back to install and undo)
 * @param label    the layout's name as Setup shows it
 * @param present  whether the field is placed on this layout
 * @param behavior {@code Edit}, {@code Required} or {@code Readonly} when present
 * @param setupUrl the layout's page in Lightning Setup
 * @param readable false when the org listed the layout but would not return it: whether the field is on it is
 *                 then unknown ({@code present} is false)
 */
public record LayoutState(
        String fullName, String label, boolean present, Optional<String> behavior, String setupUrl, boolean readable) {}
