package io.chatload.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a JSON record into relational rows the way dlt's normaliser does: nested objects flattened into
 * {@code a__b} columns, nested lists into child tables {@code <table>__<field>} linked by {@code _dlt_parent_id},
 * {@code _dlt_list_idx} and {@code _dlt_root_id}; a list of scalars gives rows with a {@code value} column, a list
 * inside a list an intermediate row whose {@code list} field holds it. Nesting is counted as dlt counts it for
 * {@code max_table_nesting}: a row's fields are at the level its table has, each object or list goes one level
 * down, and an object or list met at level 0 is stored as JSON text in one column.
 */
final class Flattener {
    static final String ID = "_dlt_id";
    static final String LOAD_ID = "_dlt_load_id";
    static final String PARENT_ID = "_dlt_parent_id";
    static final String LIST_IDX = "_dlt_list_idx";
    static final String ROOT_ID = "_dlt_root_id";
    static final String VALUE = "value";
    private static final String LIST = "list";
    /** A JSON key may not take these names: it would overwrite the row's own bookkeeping. */
    static final Set<String> SYSTEM_COLUMNS = Set.of(ID, LOAD_ID, PARENT_ID, LIST_IDX, ROOT_ID);

    private final NamingConvention naming;

    Flattener(NamingConvention naming) {
        this.naming = naming;
    }

    /**
     * @param table      the root table's (normalised) name
     * @param rootId     gives the root row's {@code _dlt_id} from its flattened values (throws for a missing key)
     * @param maxNesting dlt's {@code max_table_nesting}: 0 keeps every object and list of the record as JSON text
     */
    FlatRecord flatten(String table, Map<?, ?> record, String loadId, Function<Map<String, Object>, String> rootId,
                       int maxNesting) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<NestedList> lists = new ArrayList<>();
        collect(record, "", maxNesting, maxNesting, root, lists);
        String id = rootId.apply(root);
        root.put(LOAD_ID, loadId);
        root.put(ID, id);
        List<FlatRow> rows = new ArrayList<>();
        rows.add(new FlatRow(table, root));
        expand(table, lists, id, id, rows);
        return new FlatRecord(id, rows);
    }

    /**
     * Puts the fields of {@code object} (at nesting {@code level}) into {@code row}, whose own fields are at
     * {@code rowLevel}; keeps its lists for later. As in dlt, a list's rows are one level below the row that holds
     * it, however deep in that row's objects the list was found.
     */
    private void collect(Map<?, ?> object, String prefix, int level, int rowLevel, Map<String, Object> row,
                         List<NestedList> lists) {
        List<String> keys = new ArrayList<>(object.size());
        for (Object key : object.keySet()) {
            keys.add(String.valueOf(key));
        }
        Map<String, String> names = naming.keyNames(keys, prefix.isEmpty() ? SYSTEM_COLUMNS : Set.of());
        for (Map.Entry<?, ?> entry : object.entrySet()) {
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            String path = NamingConvention.path(prefix, names.get(String.valueOf(entry.getKey())));
            boolean container = value instanceof Map<?, ?> || value instanceof List<?>;
            if (container && level <= 0) {
                row.put(naming.shorten(path), Json.write(value));
            } else if (value instanceof Map<?, ?> nested) {
                collect(nested, path, level - 1, rowLevel, row, lists);
            } else if (value instanceof List<?> list) {
                lists.add(new NestedList(path, list, rowLevel - 1));
            } else {
                row.put(naming.shorten(path), value);
            }
        }
    }

    private void expand(String parentPath, List<NestedList> lists, String parentId, String rootId, List<FlatRow> rows) {
        for (NestedList nested : lists) {
            String tablePath = NamingConvention.path(parentPath, nested.path());
            String table = naming.shorten(tablePath);
            for (int idx = 0; idx < nested.items().size(); idx++) {
                Object item = nested.items().get(idx);
                Map<String, Object> row = new LinkedHashMap<>();
                List<NestedList> inner = new ArrayList<>();
                if (item instanceof Map<?, ?> object) {
                    collect(object, "", nested.level(), nested.level(), row, inner);
                } else if (item instanceof List<?> list) {
                    // dlt wraps it as {"list": [...]} one level further down
                    collect(Map.of(LIST, list), "", nested.level() - 1, nested.level() - 1, row, inner);
                } else if (item != null) {
                    row.put(VALUE, item);
                }
                String id = DltIds.digest(parentId, table, Integer.toString(idx));
                row.put(ROOT_ID, rootId);
                row.put(PARENT_ID, parentId);
                row.put(LIST_IDX, (long) idx);
                row.put(ID, id);
                rows.add(new FlatRow(table, row));
                expand(tablePath, inner, id, rootId, rows);
            }
        }
    }

    /** A list found at {@code path} (relative to its row's table), whose rows' fields are at nesting {@code level}. */
    private record NestedList(String path, List<?> items, int level) {
    }
}
