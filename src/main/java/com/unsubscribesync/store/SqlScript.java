package com.unsubscribesync.store;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration script read as the database reads it: statements end at a {@code ;} outside quotes, comments
 * ({@code --} to the end of the line, {@code /* *}{@code /}, nested as PostgreSQL allows) are left out, and
 * quoted text ({@code '…'}, {@code "…"}, PostgreSQL's dollar-quoted {@code $tag$…$tag$} bodies) is kept whole,
 * whatever {@code ;} or {@code --} it holds.
 */
final class SqlScript {
    private static final Pattern DOLLAR_TAG = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)?\\$");

    private SqlScript() {}

    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"') {
                end = quoteEnd(script, i, c);
                statement.append(script, i, end);
            } else if (script.startsWith("--", i)) {
                end = lineEnd(script, i);
                statement.append(' ');
            } else if (script.startsWith("/*", i)) {
                end = blockCommentEnd(script, i);
                statement.append(' ');
            } else if (c == '$' && (i == 0 || !identifierPart(script.charAt(i - 1)))) {
                end = dollarQuoteEnd(script, i);
                statement.append(script, i, end);
            } else if (c == ';') {
                end = i + 1;
                add(statements, statement);
            } else {
                end = i + 1;
                statement.append(c);
            }
            i = end;
        }
        add(statements, statement);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String text = statement.toString().strip();
        if (!text.isEmpty()) {
            statements.add(text);
        }
        statement.setLength(0);
    }

    /** After the closing quote; a doubled quote inside stands for one. */
    private static int quoteEnd(String script, int start, char quote) {
        int i = start + 1;
        while (i < script.length()) {
            if (script.charAt(i) == quote) {
                if (i + 1 < script.length() && script.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        throw unclosed(script, start, String.valueOf(quote));
    }

    private static int lineEnd(String script, int start) {
        int newline = script.indexOf('\n', start);
        return newline < 0 ? script.length() : newline + 1;
    }

    private static int blockCommentEnd(String script, int start) {
        int depth = 0;
        int i = start;
        while (i < script.length()) {
            if (script.startsWith("/*", i)) {
                depth++;
                i += 2;
            } else if (script.startsWith("*/", i)) {
                depth--;
                i += 2;
                if (depth == 0) {
                    return i;
                }
            } else {
                i++;
            }
        }
        throw unclosed(script, start, "/*");
    }

    /** After the closing tag of a dollar-quoted body, or just after the {@code $} when none starts here. */
    private static int dollarQuoteEnd(String script, int start) {
        Matcher tag = DOLLAR_TAG.matcher(script).region(start, script.length());
        if (!tag.lookingAt()) {
            return start + 1;
        }
        int close = script.indexOf(tag.group(), tag.end());
        if (close < 0) {
            throw unclosed(script, start, tag.group());
        }
        return close + tag.group().length();
    }

    private static boolean identifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static IllegalArgumentException unclosed(String script, int start, String opening) {
        long line = script.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        return new IllegalArgumentException(opening + " opened on line " + line + " is never closed");
    }
}
