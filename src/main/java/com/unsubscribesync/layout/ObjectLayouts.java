package com.unsubscribesync.layout;

import com.unsubscribesync.domain.SObjectType;
import java.util.List;
import java.util.Optional;

/**
 * The opt-out field and the page layouts of one object.
 *
 * @param fieldLabel      the field as Setup labels it ("Email Opt Out", "Marketo Sales Opt Out")
 * @param fieldApiName    its API name when known
 * @param visibility      what field-level security lets the connected user do with it
 * @param layoutsReadable false when the user may not read layouts (no Metadata API permission); then
 *                        {@code layouts} is empty
 * @param layouts         every layout of the object, by full name
 * @param problem         one sentence for the admin when something stands in the way
 * @param setupUrl        the object's Page Layouts list in Lightning Setup
 */
public record ObjectLayouts(
        SObjectType object,
        String fieldLabel,
        Optional<String> fieldApiName,
        FieldVisibility visibility,
        boolean layoutsReadable,
        List<LayoutState> layouts,
        Optional<String> problem,
        String setupUrl) {

    public ObjectLayouts {
        layouts = List.copyOf(layouts);
    }

    /**
     * Whether the field is on every layout of the object (the requirement "installed on the page layouts"): empty
     * when the layouts could not be read or the object has none; false as soon as one readable layout lacks it.
     */
    public Optional<Boolean> onEveryLayout() {
        if (!layoutsReadable || layouts.isEmpty()) {
            return Optional.empty();
        }
        if (layouts.stream().anyMatch(layout -> layout.readable() && !layout.present())) {
            return Optional.of(false);
        }
        return layouts.stream().allMatch(LayoutState::readable) ? Optional.of(true) : Optional.empty();
    }

    /** The layouts the org listed but would not return. */
    public List<LayoutState> unreadable() {
        return layouts.stream().filter(layout -> !layout.readable()).toList();
    }

    /** The layouts that do not have the field yet. */
    public List<LayoutState> missing() {
        return layouts.stream().filter(layout -> !layout.present()).toList();
    }
}
