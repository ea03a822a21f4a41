package com.unsubscribesync.localorg.soql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits SOQL into tokens: words (identifiers and keywords, dotted paths), literals and symbols. */
final class SoqlLexer {
    private static final Pattern DATETIME =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private final String text;
    private final QueryErrors errors;
    private int pos;
    private int row = 1;
    private int lineStart;

    SoqlLexer(String text, QueryErrors errors) {
        this.text = text;
        this.errors = errors;
    }

    List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", null, row, column()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private int column() {
        return pos - lineStart + 1;
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            if (text.charAt(pos) == '\n') {
                row++;
                lineStart = pos + 1;
            }
            pos++;
        }
    }

    private Token next() {
        int column = column();
        char c = text.charAt(pos);
        if (c == '\'') {
            return string(column);
        }
        if (Character.isDigit(c) || (c == '-' && pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1)))) {
            return literal(column);
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < text.length()
                    && (Character.isLetterOrDigit(text.charAt(pos))
                            || text.charAt(pos) == '_'
                            || text.charAt(pos) == '.')) {
                pos++;
            }
            String word = text.substring(start, pos);
            return new Token(Token.Kind.WORD, word, word, row, column);
        }
        for (String symbol : new String[] {"!=", "<>", "<=", ">=", "=", "<", ">", "(", ")", ",", ":", "*"}) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, symbol, row, column);
            }
        }
        throw errors.malformed(row, column, "unexpected token: '" + c + "'");
    }

    private Token string(int column) {
        StringBuilder value = new StringBuilder();
        int startRow = row;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                return new Token(Token.Kind.STRING, value.toString(), value.toString(), startRow, column);
            }
            if (c == '\\') {
                if (pos >= text.length()) {
                    break;
                }
                char e = text.charAt(pos++);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case '\'', '"', '\\' -> value.append(e);
                    case '_', '%' -> value.append('\\').append(e);
                    default ->
                        throw errors.malformed(
                                startRow,
                                column,
                                "Invalid string literal '"
                                        + text.substring(column - 1, Math.min(text.length(), pos))
                                        + "'. Illegal character"
                                        + " sequence '\\" + e + "' in string literal.");
                }
            } else {
                value.append(c);
            }
        }
        throw errors.malformed(startRow, column, "unterminated string literal");
    }

    private Token literal(int column) {
        int start = pos;
        while (pos < text.length() && "0123456789-:.TZ+".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String word = text.substring(start, pos);
        try {
            if (DATETIME.matcher(word).matches()) {
                Instant value = OffsetDateTime.parse(word).toInstant();
                return new Token(Token.Kind.DATETIME, word, value, row, column);
            }
            if (DATE.matcher(word).matches()) {
                return new Token(Token.Kind.DATE, word, LocalDate.parse(word), row, column);
            }
        } catch (DateTimeParseException e) {
            throw errors.malformed(
                    row,
                    column,
                    "line " + row + ":" + (column - 1) + " no viable alternative at" + " character '" + word + "'");
        }
        Matcher number = NUMBER.matcher(word);
        if (number.matches()) {
            return new Token(Token.Kind.NUMBER, word, word, row, column);
        }
        throw errors.malformed(row, column, "unexpected token: '" + word + "'");
    }
}
