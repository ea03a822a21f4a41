package com.unsubscribesync.ui.unsubscribes;

import com.unsubscribesync.store.ListQuery;
import com.unsubscribesync.store.ListedUnsubscribe;
import com.unsubscribesync.ui.Background;
import com.unsubscribesync.usecase.UnsubscribeList;
import java.time.ZoneId;
import java.util.AbstractList;
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
 *
 * <p>The table keeps this one list for its whole life. A new search or new data refills the rows it already shows
 * and tells the table only how the size changed: handing the table a new list makes it build every visible row and
 * cell again, which costs the FX thread well over 100 ms on a software renderer.
 */
public final class PagedUnsubscribes extends ObservableListBase<UnsubscribeRow> {
    static final int PAGE = 100;
    private static final int PAGES_KEPT = 40;

    private final UnsubscribeList store;
    private final Background background;
    private final ZoneId zone;
    private ListQuery query = ListQuery.unsubscribed("");
    private int size;
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
        long readNumber;

        Page(int count) {
            rows = new ArrayList<>(count);
            resize(count);
        }

        void resize(int count) {
            while (rows.size() > count) {
                rows.remove(rows.size() - 1);
            }
            while (rows.size() < count) {
                rows.add(new UnsubscribeRow());
            }
        }
    }

    public PagedUnsubscribes(UnsubscribeList store, Background background, ZoneId zone) {
        this.store = store;
        this.background = background;
        this.zone = zone;
    }

    /**
     * Shows the rows of {@code query}, {@code count} of them: the rows already on screen are read again and refilled
     * in place, the others are forgotten.
     */
    public void show(ListQuery query, long count) {
        int was = size;
        this.query = query;
        this.size = (int) Math.min(Integer.MAX_VALUE, count);
        pages.entrySet().removeIf(entry -> {
            int first = entry.getKey() * PAGE;
            if (first >= size) {
                entry.getValue().dropped.set(true);
                return true;
            }
            entry.getValue().resize(Math.min(PAGE, size - first));
            read(entry.getKey(), entry.getValue());
            return false;
        });
        if (size != was) {
            beginChange();
            if (size > was) {
                nextAdd(was, size);
            } else {
                nextRemove(size, new Removed(was - size));
            }
            endChange();
        }
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
        long mine = ++page.readNumber;
        ListQuery reading = query;
        background.submit(
                p -> page.dropped.get() ? List.<ListedUnsubscribe>of() : store.page(reading, PAGE, number * PAGE),
                listed -> {
                    if (mine != page.readNumber) {
                        return;
                    }
                    for (int i = 0; i < listed.size() && i < page.rows.size(); i++) {
                        page.rows.get(i).fill(listed.get(i), zone);
                    }
                },
                e -> {});
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

    /** The rows that fell off the end, as a change event needs them; their content no longer matters. */
    private static final class Removed extends AbstractList<UnsubscribeRow> {
        private final int count;

        Removed(int count) {
            this.count = count;
        }

        @Override
        public UnsubscribeRow get(int index) {
            return new UnsubscribeRow();
        }

        @Override
        public int size() {
            return count;
        }
    }
}
