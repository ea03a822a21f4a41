package com.unsubscribesync.intake;

/**
 * The three small pages a recipient can see: the question with one button, the confirmation, and a link that does
 * not work. Self-contained (inline style only, no scripts, no assets from anywhere), as the policy allows.
 */
final class Pages {
    private Pages() {}

    static String ask(String maskedAddress) {
        return page(
                "Unsubscribe",
                "<h1>Unsubscribe</h1><p>Stop sales emails to <strong>" + escape(maskedAddress) + "</strong>?</p>"
                        + "<form method=\"post\">"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">"
                        + "<input type=\"hidden\" name=\"" + OneClickForm.PAGE_FIELD + "\" value=\""
                        + OneClickForm.PAGE_VALUE + "\">"
                        + "<button type=\"submit\">Unsubscribe</button></form>");
    }

    static String done() {
        return page(
                "Unsubscribed",
                "<h1>You are unsubscribed</h1><p>You will not get these sales emails any more. "
                        + "It may take a little while to reach every system.</p>");
    }

    static String notValid() {
        return page(
                "Link not valid",
                "<h1>This link does not work</h1><p>Use the unsubscribe link of a recent email, or reply to "
                        + "the email and ask to be unsubscribed.</p>");
    }

    static String busy() {
        return page("Try again", "<h1>Please try again in a moment</h1><p>Nothing was changed yet.</p>");
    }

    private static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + title + "</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#222}"
                + "button{font-size:1rem;padding:.6rem 1.4rem;border:0;border-radius:.3rem;background:#0b5cad;"
                + "color:#fff;cursor:pointer}"
                + "</style></head><body>" + body + "</body></html>";
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
