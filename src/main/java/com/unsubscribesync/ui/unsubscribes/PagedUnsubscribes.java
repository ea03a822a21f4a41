package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.store.UnsubscribeRepository;
import com.unsubscribesync.ui.Background;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.collections.ObservableListBase;

/**
 * The unsubscribe list as the table sees it: its size is known, its rows are read from the store one page at a
 * time when the table first shows them, and only the most recently used pages are kept. A row not yet read is a
 * placeholder that fills itself in when its page arrives, so scrolling never waits for the database.
 */
public final class PagedUnsubscribes extends ObservableListBase<UnsubscribeRow> {
    static final int PAGE = 100;
    private static final int PAGES_KEPT = 40;

    private final UnsubscribeRepository store;
    private final Background background;
    private final ZoneId zone;
    private final String prefix;
    private final int size;
    private final Map<Integer, Page> pages = new LinkedHashMap<>(PAGES_KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, Page> eldest) {
            if (size() > PAGES_KEPT) {
                eldest.getValue().dropped.set(true);
                return true;
            }
            return false;
        }
    };
    private int reads;

    private static final class Page {
        final List<UnsubscribeRow> rows;
        final AtomicBoolean dropped = new AtomicBoolean();

        Page(int count) {
            rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rows.add(new UnsubscribeRow());
            }
        }
    }

    public PagedUnsubscribes(UnsubscribeRepository store, Background background, ZoneId zone, String prefix, long size) {
        this.store = store;
        this.background = background;
        this.zone = zone;
        this.prefix = prefix;
        this.size = (int) Math.min(Integer.MAX_VALUE, size);
    }

    @Override
    public UnsubscribeRow get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int number = index / PAGE;
        Page page = pages.get(number);
        if (page == null) {
            page = new Page(Math.min(PAGE, size - number * PAGE));
            pages.put(number, page);
            read(number, page);
        }
        return page.rows.get(index % PAGE);
    }

    private void read(int number, Page page) {
        reads++;
        background.submit(p -> page.dropped.get() ? List.<ListedUnsubscribe>of()
                : store.list(prefix, PAGE, number * PAGE), listed -> {
                    for (int i = 0; i < listed.size() && i < page.rows.size(); i++) {
                        page.rows.get(i).fill(listed.get(i), zone);
                    }
                }, e -> { });
    }

    @Override
    public int size() {
        return size;
    }

    /** How many page reads this list asked for; a table showing a screenful asks for one or two. */
    public int pageReads() {
        return reads;
    }

    public int pagesKept() {
        return pages.size();
    }
}
