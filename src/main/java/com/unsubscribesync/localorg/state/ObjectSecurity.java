package com.unsubscribesync.localorg.state;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local user's object permissions on Lead and Contact; every object not listed is editable, as on the System
 * Administrator and Standard User profiles. Rules set by an admin are part of the org's state; rules injected as
 * faults override them but are never persisted.
 */
public final class ObjectSecurity {
    private final Map<String, ObjectAccess> rules = new ConcurrentHashMap<>();
    private final Map<String, ObjectAccess> injected = new ConcurrentHashMap<>();

    public ObjectAccess access(String object) {
        String key = key(object);
        ObjectAccess override = injected.get(key);
        return override != null ? override : rules.getOrDefault(key, ObjectAccess.EDIT);
    }

    public boolean editable(String object) {
        return access(object) == ObjectAccess.EDIT;
    }

    public void set(String object, ObjectAccess access) {
        if (access == ObjectAccess.EDIT) {
            rules.remove(key(object));
        } else {
            rules.put(key(object), access);
        }
    }

    public void inject(String object, ObjectAccess access) {
        injected.put(key(object), access);
    }

    public void clearInjected() {
        injected.clear();
    }

    /** The admin's rules, keyed by object name in lower case. */
    public Map<String, ObjectAccess> snapshot() {
        return Map.copyOf(rules);
    }

    private static String key(String object) {
        return object.toLowerCase(Locale.ROOT);
    }
}
