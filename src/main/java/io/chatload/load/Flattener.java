package io.chatload.load;

import io.chatload.load.naming.NamingConvention;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Turns a JSON record into relational rows the way dlt's relational normaliser does
 * (dlt/common/normalizers/json/relational.py): nested objects flattened into {@code a__b} columns, nested lists into
 * child tables {@code <table>__<field>} whose rows carry {@code _dlt_parent_id} (the parent row's {@code _dlt_id}),
 * {@code _dlt_list_idx} and an {@code _dlt_id} that is dlt's hash of both; {@code _dlt_root_id} (the root row's id)
 * only when the root key propagates, as dlt does for merge tables. A list of scalars gives rows with a {@code value}
 * column, a list inside a list an intermediate row whose {@code list} field holds it; an empty list or object gives
 * nothing. Nesting is counted as dlt counts it for {@code max_table_nesting}: a row's fields are at the level its table
 * has, each object or list goes one level down, and an object or list met at level 0 is kept whole, a
 * {@link JsonValue} for a {@code json} column.
 */
final class Flattener {
    static final String ID = "_dlt_id";
    static final String LOAD_ID = "_dlt_load_id";
    static final String PARENT_ID = "_dlt_parent_id";
    static final String LIST_IDX = "_dlt_list_idx";
    static final String ROOT_ID = "_dlt_root_id";
    static final String VALUE = "value";
    private static final String LIST = "list";
    /** The row's own bookkeeping columns: a record key of one of these names is overwritten by chatload's value. */
    static final Set<String> SYSTEM_COLUMNS = Set.of(ID, LOAD_ID, PARENT_ID, LIST_IDX, ROOT_ID);
    /** What a key that names nothing (empty, white space, or only separators) is called. */
    static final String EMPTY_KEY = "_empty";

    private final NamingConvention naming;
    private final FieldNames names;

    Flattener(NamingConvention naming) {
        this.naming = naming;
        this.names = new FieldNames(naming);
    }

    /**
     * @param table      the root table's (normalised) name
     * @param rootId     gives the root row's {@code _dlt_id} from its flattened values (throws for a missing key)
     * @param maxNesting dlt's {@code max_table_nesting}: 0 keeps every object and list of the record as JSON
     * @param rootKey    whether child rows get {@code _dlt_root_id}: dlt propagates the root key for merge tables, and
     *                   wherever a child table of the root already has the column
     */
    FlatRecord flatten(String table, Map<?, ?> record, String loadId, Function<Map<String, Object>, String> rootId,
                       int maxNesting, boolean rootKey) {
        return flatten(table, record, loadId, rootId, maxNesting, rootKey, (t, c) -> false);
    }

    /**
     * @param jsonColumn whether a table (first argument) has a column (second) typed json: an object or list for it
     *                   is kept whole at any level, as dlt keeps values for a json column
     */
    FlatRecord flatten(String table, Map<?, ?> record, String loadId, Function<Map<String, Object>, String> rootId,
                       int maxNesting, boolean rootKey, BiPredicate<String, String> jsonColumn) {
        Map<String, Object> root = newRow(record.size());
        Map<String, NestedList> lists = collect(table, record, maxNesting, maxNesting, root, jsonColumn);
        String id = rootId.apply(root);
        // the row's own bookkeeping wins over a record key of the same name, as dlt's _dlt_load_id does
        root.put(LOAD_ID, loadId);
        root.put(ID, id);
        List<FlatRow> rows = new ArrayList<>();
        rows.add(new FlatRow(table, root));
        expand(table, lists.values(), id, rootKey ? id : null, rows, jsonColumn);
        return new FlatRecord(id, rows);
    }

    /**
     * Puts the scalars of {@code object} (at nesting {@code level}) into {@code row}, whose own fields are at
     * {@code rowLevel}, and keeps its lists for later, in dlt's order: an object's own scalars first, then its nested
     * objects, the last one first. Keys that come to the same name share one column (and lists one child table) and
     * the value written last wins, as in dlt's dict. As in dlt, a list's rows are one level below the row that holds
     * it, however deep in that row's objects the list was found. An object or list met at level 0, or one for a
     * column the table has typed json (dlt's {@code is_nested_type}), is kept whole.
     */
    private Map<String, NestedList> collect(String table, Map<?, ?> object, int level, int rowLevel, Map<String, Object> row,
                                            BiPredicate<String, String> jsonColumn) {
        Map<String, NestedList> lists = Map.of(); // most rows hold none: made for the first
        Deque<Nested> nestedObjects = null;
        Nested current = new Nested(object, null, level);
        while (current != null) {
            for (Map.Entry<?, ?> entry : current.object().entrySet()) {
                String key = String.valueOf(entry.getKey());
                Object value = entry.getValue();
                FieldNames.Field field = current.field() == null ? names.top(key) : current.field().inner(key, names);
                boolean container = value instanceof Map<?, ?> || value instanceof List<?>;
                if (container && (current.level() <= 0 || jsonColumn.test(table, field.column()))) {
                    row.put(field.column(), JsonValue.of(value));
                } else if (value instanceof Map<?, ?> nested) {
                    if (nestedObjects == null) {
                        nestedObjects = new ArrayDeque<>();
                    }
                    nestedObjects.push(new Nested(nested, field, current.level() - 1));
                } else if (value instanceof List<?> list) {
                    if (lists.isEmpty()) {
                        lists = new LinkedHashMap<>();
                    }
                    lists.put(field.tablePath(), new NestedList(field.tablePath(), list, rowLevel - 1));
                } else {
                    row.put(field.column(), value);
                }
            }
            current = nestedObjects == null ? null : nestedObjects.poll(); // the last pushed first
        }
        return lists;
    }

    /** A row's map, sized for its values and the bookkeeping columns added to them, in the order they come. */
    private static Map<String, Object> newRow(int values) {
        return new LinkedHashMap<>((int) ((values + 5) / 0.75f) + 1);
    }

    /** @param rootId the root row's id for {@code _dlt_root_id}, or null when the root key does not propagate */
    private void expand(String parentPath, Collection<NestedList> lists, String parentId, String rootId,
                        List<FlatRow> rows, BiPredicate<String, String> jsonColumn) {
        for (NestedList nested : lists) {
            String tablePath = naming.makePath(parentPath, nested.path());
            String table = naming.shortenFragments(tablePath);
            for (int idx = 0; idx < nested.items().size(); idx++) {
                Object item = nested.items().get(idx);
                Map<String, Object> row = newRow(item instanceof Map<?, ?> object ? object.size() : 1);
                Map<String, NestedList> inner = Map.of();
                if (item instanceof Map<?, ?> object) {
                    inner = collect(table, object, nested.level(), nested.level(), row, jsonColumn);
                } else if (item instanceof List<?> list) {
                    // dlt wraps it as {"list": [...]} one level further down
                    inner = collect(table, Map.of(LIST, list), nested.level() - 1, nested.level() - 1, row, jsonColumn);
                } else if (item != null) {
                    row.put(VALUE, item);
                }
                String id = DltIds.nested(parentId, table, idx);
                if (rootId != null) {
                    row.put(ROOT_ID, rootId);
                }
                row.put(PARENT_ID, parentId);
                row.put(LIST_IDX, (long) idx);
                row.put(ID, id);
                rows.add(new FlatRow(table, row));
                expand(tablePath, inner.values(), id, rootId, rows, jsonColumn);
            }
        }
    }

    /** An object still to flatten into the row, held by {@code field} (null: the row's own object), at nesting {@code level}. */
    private record Nested(Map<?, ?> object, FieldNames.Field field, int level) {
    }

    /** A list found at {@code path} (relative to its row's table), whose rows' fields are at nesting {@code level}. */
    private record NestedList(String path, List<?> items, int level) {
    }
}
