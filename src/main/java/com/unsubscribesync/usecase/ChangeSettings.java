package com.unsubscribesync.usecase;

import com.unsubscribesync.domain.Setting;
import com.unsubscribesync.domain.SyncSettings;
import com.unsubscribesync.store.SettingsRepository;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Changing the sync settings, by the command line's rule for both front ends: every value is read before anything
 * is saved, and a stored value this version cannot read is only replaced when the change sets it.
 */
public final class ChangeSettings {
    private final SettingsRepository settings;

    public ChangeSettings(SettingsRepository settings) {
        this.settings = settings;
    }

    public SyncSettings current() {
        return settings.load();
    }

    /** Assignments as typed on the command line: {@code KEY=VALUE}. */
    public SyncSettings assign(List<String> assignments) {
        SettingsRepository.Stored stored = settings.loadStored();
        SyncSettings changed = stored.settings();
        Set<String> keys = new HashSet<>();
        for (String assignment : assignments) {
            changed = Setting.applyAssignment(changed, assignment);
            keys.add(assignment.substring(0, assignment.indexOf('=')).strip());
        }
        return saved(stored, keys, changed);
    }

    /** Values as typed into the console's form, one per setting. */
    public SyncSettings set(Map<Setting, String> typed) {
        SettingsRepository.Stored stored = settings.loadStored();
        SyncSettings changed = stored.settings();
        Set<String> keys = new HashSet<>();
        for (Map.Entry<Setting, String> entry : typed.entrySet()) {
            changed = entry.getKey().apply(changed, entry.getValue());
            keys.add(entry.getKey().key());
        }
        return saved(stored, keys, changed);
    }

    /** One change the console makes with a button (a fix of a requirement). */
    public SyncSettings change(UnaryOperator<SyncSettings> change) {
        SyncSettings changed = change.apply(settings.load());
        settings.save(changed);
        return changed;
    }

    private SyncSettings saved(SettingsRepository.Stored stored, Set<String> keys, SyncSettings changed) {
        stored.requireUnderstood(keys);
        settings.save(changed);
        return changed;
    }
}
