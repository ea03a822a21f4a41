package com.unsubscribesync.localorg.soql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
        StringBuilder likePattern = new StringBuilder();
        String refusedOutsideLike = null;
        int startRow = row;
        int start = pos;
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\'') {
                return new Token(
                        Token.Kind.STRING,
                        value.toString(),
                        new StringLiteral(likePattern.toString(), Optional.ofNullable(refusedOutsideLike)),
                        startRow,
                        column);
            }
            if (c != '\\') {
                plain(c, value, likePattern);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n', 'N' -> plain('\n', value, likePattern);
                case 'r', 'R' -> plain('\r', value, likePattern);
                case 't', 'T' -> plain('\t', value, likePattern);
                case 'b', 'B' -> plain('\b', value, likePattern);
                case 'f', 'F' -> plain('\f', value, likePattern);
                case '\'', '"', '\\' -> plain(e, value, likePattern);
                case 'u' -> plain(unicode(start, startRow, column), value, likePattern);
                case '_', '%' -> {
                    value.append(e);
                    likePattern.append('\\').append(e);
                    if (refusedOutsideLike == null) {
                        refusedOutsideLike = illegalSequence(start, e);
                    }
                }
                default -> throw errors.malformed(startRow, column, illegalSequence(start, e));
            }
        }
        throw errors.malformed(startRow, column, "unterminated string literal");
    }

    /** A character that means itself; a backslash is doubled in the LIKE form, where it escapes. */
    private static void plain(char c, StringBuilder value, StringBuilder likePattern) {
        value.append(c);
        if (c == '\\') {
            likePattern.append('\\');
        }
        likePattern.append(c);
    }

    /** The character a backslash, a {@code u} and four hex digits stand for (Salesforce's Unicode escape). */
    private char unicode(int start, int startRow, int column) {
        String hex = text.substring(pos, Math.min(text.length(), pos + 4));
        if (hex.length() < 4 || !hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
            throw errors.malformed(startRow, column, illegalSequence(start, 'u'));
        }
        pos += 4;
        return (char) Integer.parseInt(hex, 16);
    }

    /** Salesforce's refusal of an escape, quoting the literal from its opening quote ({@code start}) to the escape. */
    private String illegalSequence(int start, char escaped) {
        return "Invalid string literal '" + text.substring(start, Math.min(text.length(), pos))
                + "'. Illegal character sequence '\\" + escaped + "' in string literal.";
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
