package com.unsubscribesync.ui.layouts;

import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.WizardWindow;
import javafx.stage.Window;

/** The layout wizard over layouts already read, in its own window. */
public record LayoutWizardWindow(LayoutWizardModel model) implements WizardWindow {

    @Override
    public void showAndWait(Window owner, String stylesheet, DialogService dialogs) {
        new LayoutWizard(model, owner, stylesheet, dialogs::openInBrowser).showAndWait();
    }

    /** Nothing happens by itself: a scripted dialog service hands the model to its test, which drives it. */
    @Override
    public void withoutWindow(DialogService dialogs) {}
}
