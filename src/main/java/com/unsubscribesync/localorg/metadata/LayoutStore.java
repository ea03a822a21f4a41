package com.unsubscribesync.localorg.metadata;

import com.unsubscribesync.localorg.soap.XmlNode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The org's page layouts by full name. Saving replaces a layout whole, as updateMetadata does. */
public final class LayoutStore {
    private final Clock clock;
    private final Set<String> packageNamespaces;
    private final Map<String, StoredLayout> layouts = new LinkedHashMap<>();
    private int next;

    public LayoutStore(Clock clock) {
        this(clock, Set.of());
    }

    /** @param packageNamespaces the namespaces of the managed packages installed in the org */
    public LayoutStore(Clock clock, Set<String> packageNamespaces) {
        this.clock = clock;
        this.packageNamespaces = Set.copyOf(packageNamespaces);
    }

    public static LayoutStore withDefaults(Clock clock, boolean packageInstalled) {
        LayoutStore store =
                new LayoutStore(clock, packageInstalled ? Set.of(DefaultLayouts.PACKAGE_NAMESPACE) : Set.of());
        DefaultLayouts.documents(packageInstalled).forEach((name, xml) -> store.save(name, LayoutXml.parse(xml)));
        return store;
    }

    /**
     * The managed package a layout came with: its full name is {@code Object-ns__Layout Name} for the namespace
     * of an installed package.
     */
    public Optional<String> namespaceOf(StoredLayout layout) {
        String name = layout.fullName().substring(layout.fullName().indexOf('-') + 1);
        return packageNamespaces.stream()
                .filter(ns -> name.startsWith(ns + "__"))
                .findFirst();
    }

    public synchronized Optional<StoredLayout> find(String fullName) {
        return Optional.ofNullable(layouts.get(fullName));
    }

    public synchronized List<StoredLayout> all() {
        return new ArrayList<>(layouts.values());
    }

    /** Stores a layout and says whether it was new. */
    public synchronized boolean save(String fullName, XmlNode content) {
        StoredLayout old = layouts.get(fullName);
        if (old == null) {
            Instant now = stamp();
            layouts.put(fullName, new StoredLayout(fullName, content, next++, now, now));
            return true;
        }
        layouts.put(fullName, new StoredLayout(fullName, content, old.number(), old.created(), stamp()));
        return false;
    }

    /** Puts back a layout exactly as persisted. */
    public synchronized void restore(StoredLayout layout) {
        layouts.put(layout.fullName(), layout);
        next = Math.max(next, layout.number() + 1);
    }

    /** Salesforce keeps a layout's dates to the second. */
    private Instant stamp() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    public synchronized void clear() {
        layouts.clear();
        next = 0;
    }
}
