package com.unsubscribesync.ui.intake;

import com.unsubscribesync.ui.Formats;
import com.unsubscribesync.usecase.ApiKeys;
import java.time.ZoneId;

/** One intake API key as the list shows it; never the key itself. */
public record ApiKeyRow(String name, String created, String lastUsed, String uses, String revoked, boolean active) {
    static ApiKeyRow of(ApiKeys.KeyUse key, ZoneId zone) {
        return new ApiKeyRow(
                key.name(),
                Formats.compact(key.created(), zone),
                key.lastUsed().map(at -> Formats.compact(at, zone)).orElse("never"),
                Formats.count(key.uses()),
                key.revoked().map(at -> Formats.compact(at, zone)).orElse("—"),
                key.revoked().isEmpty());
    }
}
