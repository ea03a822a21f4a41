package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.soql.SoqlQuery.Condition;
import com.unsubscribesync.localorg.soql.SoqlQuery.FieldRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses the SOQL subset: SELECT fields | COUNT() FROM object [WHERE ...] [ORDER BY ...] [LIMIT n] [OFFSET n].
 * Anything else (subqueries, GROUP BY, binds, date functions, mixing AND and OR without parentheses) is refused
 * with MALFORMED_QUERY, so the org never answers a query it does not understand.
 */
final class SoqlParser {
    private static final Set<String> RESERVED = Set.of(
            "select",
            "from",
            "where",
            "and",
            "or",
            "not",
            "in",
            "like",
            "order",
            "by",
            "limit",
            "offset",
            "group",
            "having",
            "with",
            "for",
            "using",
            "null",
            "true",
            "false",
            "asc",
            "desc",
            "nulls",
            "includes",
            "excludes",
            "typeof");
    private static final Set<String> COMPARISONS = Set.of("=", "!=", "<>", "<", "<=", ">", ">=");

    private final List<Token> tokens;
    private final QueryErrors errors;
    private int at;

    SoqlParser(String query, QueryErrors errors) {
        this.tokens = new SoqlLexer(query, errors).tokens();
        this.errors = errors;
    }

    SoqlQuery parse() {
        expect("SELECT");
        List<FieldRef> fields = new ArrayList<>();
        boolean count = false;
        if (peek().is("COUNT") && tokens.get(at + 1).is("(")) {
            next();
            next();
            expect(")");
            count = true;
        } else {
            do {
                fields.add(fieldRef());
            } while (accept(","));
        }
        expect("FROM");
        Token object = word("an object name");
        Condition where = null;
        if (accept("WHERE")) {
            where = condition();
        }
        List<SoqlQuery.Order> order = new ArrayList<>();
        if (accept("ORDER")) {
            expect("BY");
            do {
                order.add(orderItem());
            } while (accept(","));
        }
        Integer limit = accept("LIMIT") ? number() : null;
        Integer offset = accept("OFFSET") ? number() : null;
        Token end = peek();
        if (end.kind() != Token.Kind.END) {
            throw errors.malformed(end, "unexpected token: '" + end.text() + "'");
        }
        return new SoqlQuery(fields, count, object, where, order, limit, offset);
    }

    private SoqlQuery.Order orderItem() {
        FieldRef field = fieldRef();
        boolean descending = false;
        if (accept("DESC")) {
            descending = true;
        } else {
            accept("ASC");
        }
        boolean nullsFirst = !descending;
        if (accept("NULLS")) {
            if (accept("FIRST")) {
                nullsFirst = true;
            } else {
                expect("LAST");
                nullsFirst = false;
            }
        }
        return new SoqlQuery.Order(field, descending, nullsFirst);
    }

    private Condition condition() {
        Condition first = unary();
        Token connective = peek();
        if (!connective.is("AND") && !connective.is("OR")) {
            return first;
        }
        String kind = connective.text();
        List<Condition> parts = new ArrayList<>(List.of(first));
        while (peek().is("AND") || peek().is("OR")) {
            Token next = next();
            if (!next.text().equalsIgnoreCase(kind)) {
                throw errors.malformed(next, "unexpected token: '" + next.text() + "'");
            }
            parts.add(unary());
        }
        return kind.equalsIgnoreCase("AND") ? new SoqlQuery.All(parts) : new SoqlQuery.Any(parts);
    }

    private Condition unary() {
        if (accept("NOT")) {
            return new SoqlQuery.Not(unary());
        }
        if (accept("(")) {
            if (peek().is("SELECT")) {
                throw errors.malformed(peek(), "unexpected token: 'SELECT'");
            }
            Condition inner = condition();
            expect(")");
            return inner;
        }
        return predicate();
    }

    private Condition predicate() {
        FieldRef field = fieldRef();
        Token operator = next();
        if (operator.kind() == Token.Kind.SYMBOL && COMPARISONS.contains(operator.text())) {
            String op = operator.text().equals("<>") ? "!=" : operator.text();
            return new SoqlQuery.Compare(field, op, outsideLike(value()));
        }
        if (operator.is("LIKE")) {
            return new SoqlQuery.Like(field, value());
        }
        boolean negated = false;
        if (operator.is("NOT") && peek().is("IN")) {
            negated = true;
            operator = next();
        }
        if (operator.is("IN")) {
            expect("(");
            if (peek().is("SELECT")) {
                throw errors.malformed(peek(), "unexpected token: 'SELECT'");
            }
            List<Token> values = new ArrayList<>();
            do {
                values.add(outsideLike(value()));
            } while (accept(","));
            expect(")");
            return new SoqlQuery.In(field, negated, values);
        }
        throw errors.malformed(operator, "unexpected token: '" + operator.text() + "'");
    }

    /** {@code \\%} and {@code \\_} are escapes of a LIKE pattern only: elsewhere Salesforce refuses the literal. */
    private Token outsideLike(Token value) {
        if (value.value() instanceof StringLiteral literal
                && literal.refusedOutsideLike().isPresent()) {
            throw errors.malformed(value, literal.refusedOutsideLike().get());
        }
        return value;
    }

    private Token value() {
        Token token = next();
        switch (token.kind()) {
            case STRING, NUMBER, DATE, DATETIME:
                return token;
            case WORD:
                if (token.is("null") || token.is("true") || token.is("false")) {
                    return token;
                }
                break;
            default:
                break;
        }
        throw errors.malformed(token, "unexpected token: '" + token.text() + "'");
    }

    private FieldRef fieldRef() {
        Token token = word("a field name");
        if (peek().is("(")) {
            throw errors.malformed(peek(), "unexpected token: '('");
        }
        return new FieldRef(token.text(), token);
    }

    private Token word(String what) {
        Token token = next();
        if (token.kind() != Token.Kind.WORD || RESERVED.contains(token.text().toLowerCase(java.util.Locale.ROOT))) {
            throw errors.malformed(
                    token, "unexpected token: '" + (token.kind() == Token.Kind.END ? "<EOF>" : token.text()) + "'");
        }
        return token;
    }

    private int number() {
        Token token = next();
        if (token.kind() != Token.Kind.NUMBER
                || token.text().contains(".")
                || token.text().startsWith("-")) {
            throw errors.malformed(token, "unexpected token: '" + token.text() + "'");
        }
        try {
            return Integer.parseInt(token.text());
        } catch (NumberFormatException e) {
            throw errors.malformed(token, "unexpected token: '" + token.text() + "'");
        }
    }

    private void expect(String word) {
        Token token = next();
        if (!token.is(word)) {
            throw errors.malformed(
                    token, "unexpected token: '" + (token.kind() == Token.Kind.END ? "<EOF>" : token.text()) + "'");
        }
    }

    private boolean accept(String word) {
        if (peek().is(word)) {
            at++;
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(at);
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) {
            at++;
        }
        return token;
    }
}
