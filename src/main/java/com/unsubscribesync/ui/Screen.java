package com.unsubscribesync.ui;

/** The screens of the console, in the order of the Admin Settings navigation. */
public enum Screen {
    UNSUBSCRIBES("Unsubscribes", "unsubscribes", "Unsubscribes"),
    INTEGRATIONS("Unsubscribes", "unsubscribes", "Integrations"),
    CONFLICTS("Conflicts", "conflicts", null),
    SYNC_HISTORY("Sync history", "history", null),
    CONNECTION("Connection", "connection", null),
    LINKS_AND_KEYS("Links & keys", "links", null);

    private final String navigation;
    private final String icon;
    private final String tab;

    Screen(String navigation, String icon, String tab) {
        this.navigation = navigation;
        this.icon = icon;
        this.tab = tab;
    }

    /** The entry of the navigation this screen sits under. */
    public String navigation() {
        return navigation;
    }

    public String icon() {
        return icon;
    }

    /** The tab within the Unsubscribes page, when it is one. */
    public java.util.Optional<String> tab() {
        return java.util.Optional.ofNullable(tab);
    }

    public String breadcrumb() {
        return "Settings › Admin Settings › " + navigation
                + tab().map(t -> " › " + t).orElse("");
    }
}
