package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.soql.SoqlQuery.Condition;
import com.unsubscribesync.localorg.soql.SoqlQuery.FieldRef;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.FieldType;
import com.unsubscribesync.localorg.state.ObjectSchema;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.RecordIds;
import com.unsubscribesync.localorg.state.RecordTable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** Parses SOQL and resolves it against the org's schema and the user's field-level security. */
public final class QueryEngine {
    private static final Set<String> QUERYABLE = Set.of("lead", "contact", "user", "profile", "userpermissionaccess");

    private final OrgState state;

    public QueryEngine(OrgState state) {
        this.state = state;
    }

    /** Compiles a query for a user; {@code includeDeleted} is queryAll's view of the recycle bin. */
    public CompiledQuery compile(String soql, int userRow, boolean includeDeleted) {
        QueryErrors errors = new QueryErrors(soql);
        SoqlQuery query = new SoqlParser(soql, errors).parse();
        String objectName = query.object().text();
        RecordTable table = QUERYABLE.contains(objectName.toLowerCase(Locale.ROOT))
                ? state.table(objectName, userRow).orElse(null) : null;
        if (table == null) {
            throw errors.invalidType(query.object(), objectName);
        }
        Resolver resolver = new Resolver(table, userRow, errors);
        List<SelectedColumn> columns = resolver.columns(query.fields());
        IntPredicate filter = query.where() == null ? row -> true : resolver.predicate(query.where());
        Comparator<Integer> order = query.orderBy().isEmpty() ? null : resolver.order(query.orderBy());
        return new CompiledQuery(table, columns, query.countOnly(), filter, order, query.limit(),
                query.offset() == null ? 0 : query.offset(), includeDeleted);
    }

    private final class Resolver {
        private final RecordTable table;
        private final int userRow;
        private final QueryErrors errors;

        Resolver(RecordTable table, int userRow, QueryErrors errors) {
            this.table = table;
            this.userRow = userRow;
            this.errors = errors;
        }

        ResolvedField resolve(FieldRef ref) {
            ObjectSchema schema = table.schema();
            String[] parts = ref.path().split("\\.", -1);
            int first = parts.length > 1 && parts[0].equalsIgnoreCase(schema.name()) ? 1 : 0;
            if (parts.length - first == 1) {
                return new ResolvedField(visibleField(schema, parts[first], ref), null, null);
            }
            if (parts.length - first == 2) {
                FieldDef reference = schema.relationship(parts[first]).orElse(null);
                if (reference == null || !state.fieldSecurity().visible(schema.name(), reference.name())) {
                    throw errors.invalidField(ref.at(), "Didn't understand relationship '" + parts[first]
                            + "' in field path. If you are attempting to use a custom relationship, be sure to append"
                            + " the '__r' after the custom relationship name. Please reference your WSDL or the"
                            + " describe call for the appropriate names.");
                }
                RecordTable parent = state.table(reference.referenceTo(), userRow).orElseThrow();
                return new ResolvedField(visibleField(parent.schema(), parts[first + 1], ref), reference, parent);
            }
            throw errors.invalidField(ref.at(), "Didn't understand relationship '" + parts[first]
                    + "' in field path.");
        }

        private FieldDef visibleField(ObjectSchema schema, String name, FieldRef ref) {
            FieldDef field = schema.field(name).orElse(null);
            if (field == null || !state.fieldSecurity().visible(schema.name(), field.name())) {
                throw errors.noSuchColumn(ref.at(), name, schema.name());
            }
            return field;
        }

        List<SelectedColumn> columns(List<FieldRef> refs) {
            Map<String, Object> byKey = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            for (FieldRef ref : refs) {
                ResolvedField resolved = resolve(ref);
                String key = (resolved.reference() == null ? "" : resolved.reference().relationshipName() + ".")
                        + resolved.field().name();
                if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                    throw errors.malformed(ref.at(), "duplicate field selected: " + ref.path());
                }
                if (resolved.reference() == null) {
                    byKey.put(key, new SelectedColumn.Direct(resolved.field()));
                } else {
                    String group = "parent:" + resolved.reference().relationshipName();
                    @SuppressWarnings("unchecked")
                    List<Object> parentFields = (List<Object>) byKey.computeIfAbsent(group,
                            g -> new ArrayList<>(List.of(resolved)));
                    if (!parentFields.contains(resolved)) {
                        parentFields.add(resolved);
                    }
                }
            }
            List<SelectedColumn> columns = new ArrayList<>();
            for (Object value : byKey.values()) {
                if (value instanceof SelectedColumn column) {
                    columns.add(column);
                } else {
                    List<?> group = (List<?>) value;
                    ResolvedField head = (ResolvedField) group.get(0);
                    List<FieldDef> fields = group.stream().map(f -> ((ResolvedField) f).field()).toList();
                    columns.add(new SelectedColumn.Parent(head.reference(), head.parent(), fields));
                }
            }
            return columns;
        }

        IntPredicate predicate(Condition condition) {
            if (condition instanceof SoqlQuery.All all) {
                List<IntPredicate> parts = all.parts().stream().map(this::predicate).toList();
                return row -> {
                    for (IntPredicate part : parts) {
                        if (!part.test(row)) {
                            return false;
                        }
                    }
                    return true;
                };
            }
            if (condition instanceof SoqlQuery.Any any) {
                List<IntPredicate> parts = any.parts().stream().map(this::predicate).toList();
                return row -> {
                    for (IntPredicate part : parts) {
                        if (part.test(row)) {
                            return true;
                        }
                    }
                    return false;
                };
            }
            if (condition instanceof SoqlQuery.Not not) {
                return predicate(not.inner()).negate();
            }
            if (condition instanceof SoqlQuery.Compare compare) {
                return comparison(compare);
            }
            if (condition instanceof SoqlQuery.In in) {
                ResolvedField field = resolve(in.field());
                List<Object> values = new ArrayList<>();
                for (Token token : in.values()) {
                    values.add(literal(field.field(), token));
                }
                IntPredicate member = row -> {
                    Object value = field.value(table, row);
                    for (Object candidate : values) {
                        if (same(value, candidate)) {
                            return true;
                        }
                    }
                    return false;
                };
                return in.negated() ? member.negate() : member;
            }
            SoqlQuery.Like like = (SoqlQuery.Like) condition;
            ResolvedField field = resolve(like.field());
            if (!field.field().type().isText() && !field.field().type().isId()) {
                throw errors.invalidField(like.pattern(), "invalid operator on field of type "
                        + field.field().type().describeName());
            }
            if (like.pattern().kind() != Token.Kind.STRING) {
                throw typeError(field.field(), like.pattern());
            }
            Pattern pattern = likePattern(like.pattern().text());
            return row -> {
                Object value = field.value(table, row);
                return value != null && pattern.matcher((String) value).matches();
            };
        }

        private IntPredicate comparison(SoqlQuery.Compare compare) {
            ResolvedField field = resolve(compare.field());
            Object literal = literal(field.field(), compare.value());
            String op = compare.operator();
            boolean ordering = !op.equals("=") && !op.equals("!=");
            if (ordering && (field.field().type() == FieldType.BOOLEAN || literal == null)) {
                throw errors.invalidField(compare.value(), "invalid operator on " + (literal == null ? "null value"
                        : "boolean field"));
            }
            return switch (op) {
                case "=" -> row -> same(field.value(table, row), literal);
                case "!=" -> row -> !same(field.value(table, row), literal);
                default -> row -> {
                    Object value = field.value(table, row);
                    if (value == null) {
                        return false;
                    }
                    int c = compareValues(value, literal);
                    return switch (op) {
                        case "<" -> c < 0;
                        case "<=" -> c <= 0;
                        case ">" -> c > 0;
                        default -> c >= 0;
                    };
                };
            };
        }

        Comparator<Integer> order(List<SoqlQuery.Order> items) {
            Comparator<Integer> result = null;
            for (SoqlQuery.Order item : items) {
                ResolvedField field = resolve(item.field());
                Comparator<Integer> one = (a, b) -> {
                    Object x = field.value(table, a);
                    Object y = field.value(table, b);
                    if (x == null || y == null) {
                        if (x == y) {
                            return 0;
                        }
                        return (x == null) == item.nullsFirst() ? -1 : 1;
                    }
                    int c = compareValues(x, y);
                    return item.descending() ? -c : c;
                };
                result = result == null ? one : result.thenComparing(one);
            }
            return result.thenComparing(Comparator.naturalOrder());
        }

        private Object literal(FieldDef field, Token token) {
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
            if (type == FieldType.BOOLEAN && (token.is("true") || token.is("false"))
                    && token.kind() == Token.Kind.WORD) {
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

        private RuntimeException typeError(FieldDef field, Token token) {
            String typeName = field.type().isText() || field.type().isId() ? "string" : field.type().describeName();
            boolean quoted = field.type().isText() || field.type().isId();
            return errors.invalidField(token, "value of filter criterion for field '" + field.name()
                    + "' must be of type " + typeName + " and should " + (quoted ? "" : "not ")
                    + "be enclosed in quotes");
        }
    }

    private static boolean same(Object value, Object literal) {
        if (value == null || literal == null) {
            return value == literal;
        }
        if (value instanceof String text) {
            return text.equalsIgnoreCase((String) literal);
        }
        return value.equals(literal);
    }

    private static int compareValues(Object a, Object b) {
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

    private static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length() && (like.charAt(i + 1) == '%' || like.charAt(i + 1) == '_')) {
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
