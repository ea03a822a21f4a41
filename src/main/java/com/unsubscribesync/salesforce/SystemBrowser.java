package com.unsubscribesync.salesforce;

import java.awt.Desktop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;

/**
 * Opens the system browser where the desktop allows it; on a server or headless JVM it prints the address for
 * the admin to open by hand.
 */
public final class SystemBrowser implements Browser {
    private final PrintWriter out;

    public SystemBrowser(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void open(URI address) {
        if (canBrowse()) {
            try {
                Desktop.getDesktop().browse(address);
                out.println("Your browser is open at the Salesforce sign-in page; allow access there.");
                out.flush();
                return;
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // falls back to printing the address below
            }
        }
        out.println("Open this address in a browser on this computer and allow access:");
        out.println(address);
        out.flush();
    }

    private static boolean canBrowse() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless()
                    && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
