package com.unsubscribesync.localorg.state;

/** What the seeder made, with one example of each special case so tests and demos can find them. */
public record SeedSummary(
        int leads,
        int contacts,
        int optedOut,
        int convertedLeads,
        String convertedLeadId,
        String sharedEmail,
        String mergedWinnerId,
        String mergedLoserId,
        String deletedLeadId) {}
