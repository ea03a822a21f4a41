package com.unsubscribesync.ui.imports;

import com.unsubscribesync.ui.DialogService;
import com.unsubscribesync.ui.WizardWindow;
import java.util.Optional;
import javafx.stage.Window;

/** One CSV import in its own window: columns, check, bad rows, write. */
public record ImportWindow(ImportSession session) implements WizardWindow {

    @Override
    public void showAndWait(Window owner, String stylesheet, DialogService dialogs) {
        new ImportWizard(
                        session,
                        Optional.ofNullable(owner),
                        stylesheet,
                        suggested -> dialogs.chooseSaveFile("Save the bad rows", suggested))
                .showAndWait();
    }

    /** The likely columns are used and the dialog service's review decides. */
    @Override
    public void withoutWindow(DialogService dialogs) {
        session.withoutWindow(dialogs);
    }
}
