package com.unsubscribesync.salesforce;

/**
 * The page the admin's browser shows after Salesforce sends it back to the app: what happened, why in one sentence
 * when the sign-in failed, and what to do.
 */
record SignInPage(String title, String sentence, String next) {

    static SignInPage signedIn(String where) {
        return new SignInPage(
                "Signed in",
                "Unsubscribe Sync is now connected to " + where + ".",
                "You can close this window and go back to Unsubscribe Sync.");
    }

    static SignInPage refused(String why) {
        return new SignInPage(
                "Not signed in",
                why,
                "Go back to Unsubscribe Sync, fix what the sentence above says, and sign in again; you can close "
                        + "this window.");
    }

    static SignInPage alreadyFinished() {
        return new SignInPage(
                "Sign-in already finished",
                "This sign-in has already ended; this address is not " + "used again.",
                "Go back to Unsubscribe Sync to see whether it is connected; you can close this " + "window.");
    }

    static SignInPage stillChecking() {
        return new SignInPage(
                "Sign-in not confirmed",
                "Unsubscribe Sync did not confirm the sign-in in time.",
                "Go back to Unsubscribe Sync to see whether it is connected, and sign in again if not.");
    }

    String html() {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Unsubscribe Sync: " + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p>" + escape(sentence) + "</p><p>"
                + escape(next) + "</p></body></html>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
