package com.unsubscribesync.localorg.soql;

/** A lexical token with its 1-based row and column in the query text. */
record Token(Kind kind, String text, Object value, int row, int column) {
    enum Kind {
        WORD,
        STRING,
        NUMBER,
        DATE,
        DATETIME,
        SYMBOL,
        END
    }

    boolean is(String word) {
        return (kind == Kind.WORD || kind == Kind.SYMBOL) && text.equalsIgnoreCase(word);
    }
}
