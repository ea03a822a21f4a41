package com.unsubscribesync.app;

import com.unsubscribesync.salesforce.Browser;
import java.io.ByteArrayOutputStream;
import java.net.URI;

/** Standard output that, like an admin at the terminal, opens the sign-in address it shows in a browser. */
final class BrowserAtTheTerminal extends ByteArrayOutputStream {
    private final Browser browser;
    private final StringBuilder line = new StringBuilder();

    BrowserAtTheTerminal(Browser browser) {
        this.browser = browser;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        super.write(bytes, offset, length);
        for (int i = offset; i < offset + length; i++) {
            see((char) bytes[i]);
        }
    }

    @Override
    public synchronized void write(int b) {
        super.write(b);
        see((char) b);
    }

    private void see(char c) {
        if (c != '\n') {
            line.append(c);
            return;
        }
        String text = line.toString().strip();
        line.setLength(0);
        if (text.contains("/services/oauth2/authorize?")) {
            browser.open(URI.create(text));
        }
    }
}
