package com.unsubscribesync.store;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

/** Walks rows in key order one page at a time, so that whoever iterates never holds more than a page. */
final class KeysetPages<T> implements Iterator<T> {
    private final Function<Optional<T>, List<T>> pageAfter;
    private List<T> page = List.of();
    private int next;
    private Optional<T> last = Optional.empty();
    private boolean exhausted;

    /** @param pageAfter the page that follows a row (the first page for none); empty at the end */
    KeysetPages(Function<Optional<T>, List<T>> pageAfter) {
        this.pageAfter = pageAfter;
    }

    @Override
    public boolean hasNext() {
        if (next < page.size()) {
            return true;
        }
        if (exhausted) {
            return false;
        }
        page = pageAfter.apply(last);
        next = 0;
        exhausted = page.isEmpty();
        return !exhausted;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T row = page.get(next++);
        last = Optional.of(row);
        return row;
    }
}
