package com.unsubscribesync.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.Mnemonic;

/**
 * Alt+letter acts on the one control of the shown screen underlined with that letter. JavaFX keeps mnemonics per
 * window, so every screen's letters are registered at once, and where a hidden screen uses the same letter
 * (Alt+A: "Add…" on Unsubscribes and "API name" in the settings) JavaFX only moves the focus around, into the
 * hidden screen, instead of pressing the button the admin sees.
 */
final class ShownMnemonics {
    private ShownMnemonics() {}

    static void install(Node shell) {
        shell.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            Scene scene = shell.getScene();
            if (scene == null || !event.isAltDown() || event.isControlDown() || event.isShortcutDown()) {
                return;
            }
            List<Node> shown = new ArrayList<>();
            for (Map.Entry<KeyCombination, ObservableList<Mnemonic>> entry :
                    scene.getMnemonics().entrySet()) {
                if (entry.getKey().match(event)) {
                    entry.getValue().stream()
                            .map(Mnemonic::getNode)
                            .filter(node -> shown(node) && !node.isDisabled() && !shown.contains(node))
                            .forEach(shown::add);
                }
            }
            if (shown.size() != 1) {
                return;
            }
            Node node = shown.get(0);
            if (node instanceof ButtonBase button) {
                button.fire();
            } else {
                node.requestFocus();
            }
            event.consume();
        });
    }

    static boolean shown(Node node) {
        for (Node at = node; at != null; at = at.getParent()) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
