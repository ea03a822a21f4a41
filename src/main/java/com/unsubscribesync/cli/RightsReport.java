package com.unsubscribesync.cli;

import com.unsubscribesync.layout.IntegrationUserRights;
import com.unsubscribesync.layout.IntegrationUserRights.Right;
import com.unsubscribesync.layout.IntegrationUserRights.Status;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The integration user's rights in {@code status}: the {@code rights} object of the JSON, and plain lines. */
final class RightsReport {
    private RightsReport() {}

    /**
     * {@code {allGranted, userName, apiEnabled: {title, status, granted, askAdmin, note}, editLeads, …,
     * requestToAdmin}}; {@code granted} is null when the right cannot be told yet.
     */
    static Map<String, Object> json(IntegrationUserRights rights, Optional<String> organizationName) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("allGranted", rights.allGranted());
        view.put("userName", rights.userName().orElse(null));
        for (Right right : rights.rights()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("title", right.title());
            one.put("status", right.status().key());
            one.put("granted", right.status() == Status.UNKNOWN ? null : right.granted());
            one.put("askAdmin", right.askAdmin().orElse(null));
            one.put("note", right.note().orElse(null));
            view.put(right.need().key(), one);
        }
        view.put("requestToAdmin", rights.requestToAdmin(organizationName).orElse(null));
        return view;
    }

    static void print(PrintWriter out, IntegrationUserRights rights) {
        out.println("User rights:     "
                + (rights.allGranted()
                        ? "all granted"
                        : rights.missing().size() + " missing: send the lines under each ✗ to your Salesforce admin"));
        for (Right right : rights.rights()) {
            String mark = switch (right.status()) {
                case GRANTED -> "✓";
                case MISSING -> "✗";
                case UNKNOWN -> "?";
            };
            out.println("  " + mark + " " + right.title());
            right.askAdmin().or(right::note).ifPresent(text -> out.println("      " + text));
        }
    }
}
