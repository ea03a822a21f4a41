package com.unsubscribesync.ui;

import javafx.stage.Window;

/**
 * A window of a screen's own that walks the admin through one task (a CSV import, the layout wizard). The dialog
 * service opens it, so the console's shared parts need not know the screens.
 */
public interface WizardWindow {

    /**
     * Shows the window over the console's and returns when the admin closed it.
     *
     * @param owner   the console's window, if it has one
     * @param dialogs for the wizard's own file choosers and links into Salesforce
     */
    void showAndWait(Window owner, String stylesheet, DialogService dialogs);

    /** Takes its course without a window, for dialog services that answer from a script. */
    void withoutWindow(DialogService dialogs);
}
