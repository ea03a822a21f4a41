package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.layout.Inspection;
import com.unsubscribesync.layout.PageLayouts;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.ui.DialogService;
import java.util.function.Consumer;

/**
 * Opens the layout wizard once the layouts are read. When they cannot be read (no org, or an org without the
 * Metadata API) it says why and shows the manual steps instead.
 */
public final class LayoutWizardLauncher {
    private final PageLayouts layouts;
    private final Background background;
    private final DialogService dialogs;
    private final Consumer<Inspection> inspected;

    /** @param inspected told of every inspection the wizard makes, so the requirements checklist follows */
    public LayoutWizardLauncher(
            PageLayouts layouts, Background background, DialogService dialogs, Consumer<Inspection> inspected) {
        this.layouts = layouts;
        this.background = background;
        this.dialogs = dialogs;
        this.inspected = inspected;
    }

    /** @param fieldLabel the chosen field, for the manual steps when the wizard cannot open */
    public void open(String fieldLabel) {
        LayoutWizardModel model = new LayoutWizardModel(layouts, background, inspected);
        model.load(() -> dialogs.showWizard(new LayoutWizardWindow(model)), e -> {
            dialogs.notify("Page layouts", e.getMessage(), true);
            dialogs.showLayoutSteps(fieldLabel);
        });
    }
}
