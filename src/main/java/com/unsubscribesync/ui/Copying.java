package com.unsubscribesync.ui;

import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.Region;

/** Copy buttons: what the admin pastes elsewhere (a callback URL, a link, a header, a key) goes on the clipboard. */
public final class Copying {
    private Copying() {}

    /** A "Copy" button for a text shown beside it; disabled while the text is empty. */
    public static Button button(String id, ObservableStringValue text) {
        Button copy = new Button("Copy");
        copy.setId(id);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(text));
        copy.setOnAction(e -> put(text.get()));
        return copy;
    }

    public static void put(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
