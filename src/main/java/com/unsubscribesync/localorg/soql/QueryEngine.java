package com.unsubscribesync.localorg.soql;

import com.unsubscribesync.localorg.soql.SoqlQuery.Condition;
import com.unsubscribesync.localorg.soql.SoqlQuery.FieldRef;
import com.unsubscribesync.localorg.state.FieldDef;
import com.unsubscribesync.localorg.state.FieldType;
import com.unsubscribesync.localorg.state.ObjectSchema;
import com.unsubscribesync.localorg.state.OrgState;
import com.unsubscribesync.localorg.state.RecordTable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;

/** Parses SOQL and resolves it against the org's schema and the user's field-level security. */
public final class QueryEngine {
    /** Salesforce's default limit on the length of a SOQL statement. */
    public static final int MAX_STATEMENT_LENGTH = 100_000;

    private static final Set<String> QUERYABLE =
            Set.of("lead", "contact", "user", "profile", "userpermissionaccess", "organization");

    private final OrgState state;

    public QueryEngine(OrgState state) {
        this.state = state;
    }

    /** Compiles a query for a user; {@code includeDeleted} is queryAll's view of the recycle bin. */
    public CompiledQuery compile(String soql, int userRow, boolean includeDeleted) {
        QueryErrors errors = new QueryErrors(soql);
        if (soql.length() > MAX_STATEMENT_LENGTH) {
            throw errors.tooLong(MAX_STATEMENT_LENGTH);
        }
        SoqlQuery query = new SoqlParser(soql, errors).parse();
        String objectName = query.object().text();
        RecordTable table = QUERYABLE.contains(objectName.toLowerCase(Locale.ROOT))
                ? state.table(objectName, userRow).orElse(null)
                : null;
        if (table == null) {
            throw errors.invalidType(query.object(), objectName);
        }
        Resolver resolver = new Resolver(table, userRow, errors);
        List<SelectedColumn> columns = resolver.columns(query.fields());
        IntPredicate filter = query.where() == null ? row -> true : resolver.predicate(query.where());
        Comparator<Integer> order = query.orderBy().isEmpty() ? null : resolver.order(query.orderBy());
        return new CompiledQuery(
                table,
                columns,
                query.countOnly(),
                filter,
                order,
                query.limit(),
                query.offset(),
                query.where() != null,
                includeDeleted);
    }

    private final class Resolver {
        private final RecordTable table;
        private final int userRow;
        private final QueryErrors errors;
        private final SoqlValues values;

        Resolver(RecordTable table, int userRow, QueryErrors errors) {
            this.table = table;
            this.userRow = userRow;
            this.errors = errors;
            this.values = new SoqlValues(errors);
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
                    throw errors.invalidField(
                            ref.at(),
                            "Didn't understand relationship '" + parts[first]
                                    + "' in field path. If you are attempting to use a custom relationship, be sure to append"
                                    + " the '__r' after the custom relationship name. Please reference your WSDL or the"
                                    + " describe call for the appropriate names.");
                }
                RecordTable parent =
                        state.table(reference.referenceTo(), userRow).orElseThrow();
                return new ResolvedField(visibleField(parent.schema(), parts[first + 1], ref), reference, parent);
            }
            throw errors.invalidField(ref.at(), "Didn't understand relationship '" + parts[first] + "' in field path.");
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
                String key = (resolved.reference() == null
                                ? ""
                                : resolved.reference().relationshipName() + ".")
                        + resolved.field().name();
                if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                    throw errors.malformed(ref.at(), "duplicate field selected: " + ref.path());
                }
                if (resolved.reference() == null) {
                    byKey.put(key, new SelectedColumn.Direct(resolved.field()));
                } else {
                    String group = "parent:" + resolved.reference().relationshipName();
                    @SuppressWarnings("unchecked")
                    List<Object> parentFields =
                            (List<Object>) byKey.computeIfAbsent(group, g -> new ArrayList<>(List.of(resolved)));
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
                    List<FieldDef> fields =
                            group.stream().map(f -> ((ResolvedField) f).field()).toList();
                    columns.add(new SelectedColumn.Parent(head.reference(), head.parent(), fields));
                }
            }
            return columns;
        }

        IntPredicate predicate(Condition condition) {
            if (condition instanceof SoqlQuery.All all) {
                List<IntPredicate> parts =
                        all.parts().stream().map(this::predicate).toList();
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
                List<IntPredicate> parts =
                        any.parts().stream().map(this::predicate).toList();
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
                // Text compares as equalsIgnoreCase does, which CASE_INSENSITIVE_ORDER matches; a set keeps an IN of
                // thousands of values from costing thousands of comparisons per row.
                Set<Object> candidates = new TreeSet<>(SoqlValues::orderForIn);
                boolean withNull = false;
                for (Token token : in.values()) {
                    Object literal = values.literal(field.field(), token);
                    if (literal == null) {
                        withNull = true;
                    } else {
                        candidates.add(literal);
                    }
                }
                boolean matchesNull = withNull;
                IntPredicate member = row -> {
                    Object value = field.value(table, row);
                    return value == null ? matchesNull : candidates.contains(value);
                };
                return in.negated() ? member.negate() : member;
            }
            SoqlQuery.Like like = (SoqlQuery.Like) condition;
            ResolvedField field = resolve(like.field());
            if (!field.field().type().isText() && !field.field().type().isId()) {
                throw errors.invalidField(
                        like.pattern(),
                        "invalid operator on field of type "
                                + field.field().type().describeName());
            }
            if (like.pattern().kind() != Token.Kind.STRING) {
                throw values.typeError(field.field(), like.pattern());
            }
            Pattern pattern =
                    SoqlValues.likePattern(((StringLiteral) like.pattern().value()).likePattern());
            return row -> {
                Object value = field.value(table, row);
                return value != null && pattern.matcher((String) value).matches();
            };
        }

        private IntPredicate comparison(SoqlQuery.Compare compare) {
            ResolvedField field = resolve(compare.field());
            Object literal = values.literal(field.field(), compare.value());
            String op = compare.operator();
            boolean ordering = !op.equals("=") && !op.equals("!=");
            if (ordering && (field.field().type() == FieldType.BOOLEAN || literal == null)) {
                throw errors.invalidField(
                        compare.value(), "invalid operator on " + (literal == null ? "null value" : "boolean field"));
            }
            return switch (op) {
                case "=" -> row -> SoqlValues.same(field.value(table, row), literal);
                case "!=" -> row -> !SoqlValues.same(field.value(table, row), literal);
                default ->
                    row -> {
                        Object value = field.value(table, row);
                        if (value == null) {
                            return false;
                        }
                        int c = SoqlValues.compare(value, literal);
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
                    int c = SoqlValues.compare(x, y);
                    return item.descending() ? -c : c;
                };
                result = result == null ? one : result.thenComparing(one);
            }
            return result.thenComparing(Comparator.naturalOrder());
        }
    }
}
