package com.unsubscribesync.ui.unsubscribes;

/** One line of a person's history card, in words. */
public record HistoryLine(String when, String action, String source, String actor, String reason) {}
