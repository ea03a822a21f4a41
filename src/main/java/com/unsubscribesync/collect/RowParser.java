package com.unsubscribesync.collect;

import com.unsubscribesync.domain.InvalidInputException;

/** Turns a CSV row into a value, or says in a sentence what is wrong with it. */
@FunctionalInterface
interface RowParser<T> {
    T parse(CsvRow row) throws InvalidInputException;
}
