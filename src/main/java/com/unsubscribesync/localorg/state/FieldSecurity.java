package com.unsubscribesync.localorg.state;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Field-level security of the local user, per object and field; everything not listed is editable. Rules set by an
 * admin are part of the org's state; rules injected as faults override them but are never persisted.
 */
public final class FieldSecurity {
    private final Map<String, FieldAccess> rules = new ConcurrentHashMap<>();
    private final Map<String, FieldAccess> injected = new ConcurrentHashMap<>();

    public FieldAccess access(String object, String field) {
        String key = key(object, field);
        FieldAccess override = injected.get(key);
        return override != null ? override : rules.getOrDefault(key, FieldAccess.EDITABLE);
    }

    public void inject(String object, String field, FieldAccess access) {
        injected.put(key(object, field), access);
    }

    public void clearInjected() {
        injected.clear();
    }

    public void set(String object, String field, FieldAccess access) {
        if (access == FieldAccess.EDITABLE) {
            rules.remove(key(object, field));
        } else {
            rules.put(key(object, field), access);
        }
    }

    public boolean visible(String object, String field) {
        return access(object, field) != FieldAccess.HIDDEN;
    }

    /** Whether the user may write the field: its own nature and FLS together. */
    public boolean writable(String object, FieldDef field) {
        return field.updateable() && access(object, field.name()) == FieldAccess.EDITABLE;
    }

    public Map<String, FieldAccess> snapshot() {
        return Map.copyOf(rules);
    }

    private static String key(String object, String field) {
        return object.toLowerCase(Locale.ROOT) + "." + field.toLowerCase(Locale.ROOT);
    }
}
