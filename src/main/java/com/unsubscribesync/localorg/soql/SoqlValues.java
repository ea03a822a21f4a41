package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.FieldType;
import com.unsubscribesync.localorg.state.RecordIds;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * SOQL values: literals typed by the field they are compared with (a wrong type is a fault, as in Salesforce), and
 * comparisons that ignore case for text, as SOQL does.
 */
final class SoqlValues {
    private final QueryErrors errors;

    SoqlValues(QueryErrors errors) {
        this.errors = errors;
    }

    Object literal(FieldDef field, Token token) {
        if (token.is("null") && token.kind() == Token.Kind.WORD) {
            return null;
        }
        FieldType type = field.type();
        if (type.isText() && token.kind() == Token.Kind.STRING) {
            return token.text();
        }
        if (type.isId() && token.kind() == Token.Kind.STRING) {
            if (!RecordIds.looksLikeId(token.text())) {
                throw errors.invalidId(token, token.text());
            }
            return RecordIds.to18(token.text());
        }
        if (type == FieldType.BOOLEAN && (token.is("true") || token.is("false")) && token.kind() == Token.Kind.WORD) {
            return Boolean.parseBoolean(token.text());
        }
        if (type == FieldType.DATETIME && token.kind() == Token.Kind.DATETIME) {
            return token.value();
        }
        if (type == FieldType.DATE && token.kind() == Token.Kind.DATE) {
            return token.value();
        }
        throw typeError(field, token);
    }

    RuntimeException typeError(FieldDef field, Token token) {
        String typeName = field.type().isText() || field.type().isId()
                ? "string"
                : field.type().describeName();
        boolean quoted = field.type().isText() || field.type().isId();
        return errors.invalidField(
                token,
                "value of filter criterion for field '" + field.name()
                        + "' must be of type " + typeName + " and should " + (quoted ? "" : "not ")
                        + "be enclosed in quotes");
    }

    static boolean same(Object value, Object literal) {
        if (value == null || literal == null) {
            return value == literal;
        }
        if (value instanceof String text) {
            return text.equalsIgnoreCase((String) literal);
        }
        return value.equals(literal);
    }

    /** An order for a set of IN values that agrees with {@link #same}: values of another type never match. */
    static int orderForIn(Object a, Object b) {
        if (a.getClass() != b.getClass()) {
            return a.getClass().getName().compareTo(b.getClass().getName());
        }
        return compare(a, b);
    }

    static int compare(Object a, Object b) {
        if (a instanceof String x) {
            return x.compareToIgnoreCase((String) b);
        }
        if (a instanceof Boolean x) {
            return Boolean.compare(x, (Boolean) b);
        }
        if (a instanceof Instant x) {
            return x.compareTo((Instant) b);
        }
        return ((LocalDate) a).compareTo((LocalDate) b);
    }

    static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length() && "%_\\".indexOf(like.charAt(i + 1)) >= 0) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
