package com.unsubscribesync.ui;

import java.util.List;

/**
 * The product doc's manual steps for putting the opt-out field on the page layouts, shown when the layout wizard
 * cannot read the layouts (no org connected, or the org offers no Metadata API).
 */
public final class LayoutSteps {
    public static final String NOTE = "A Salesforce admin does this once for Contact and once for Lead. The "
            + "Marketo Sales Opt Out field exists only where the Marketo Sales Insight package is installed from the "
            + "AppExchange. Afterwards the requirements checklist turns green when you look again.";

    private LayoutSteps() {}

    public static List<String> steps(String fieldLabel) {
        return List.of(
                "1. Log in to Salesforce as an administrator.",
                "2. Click your name (or the gear), then Setup.",
                "3. In Quick Find, type \"Contact\" (later \"Lead\") and open Page Layouts.",
                "4. Click Edit beside the layout your sales team uses.",
                "5. In the palette, choose Fields and drag \"" + fieldLabel + "\" onto the layout.",
                "6. Click Save. Repeat for every other Contact layout, then for the Lead layouts.");
    }
}
