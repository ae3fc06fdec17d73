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
 * inside a list an intermediate row whose {@code list} field holds it.
 */
final class Flattener {
    /** Containers nested deeper than this are stored as JSON text in one column. */
    static final int MAX_NESTING = 32;
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
     * @param table  the root table's (normalised) name
     * @param rootId gives the root row's {@code _dlt_id} from its flattened values (throws for a missing key)
     */
    FlatRecord flatten(String table, Map<?, ?> record, String loadId, Function<Map<String, Object>, String> rootId) {
        Map<String, Object> root = new LinkedHashMap<>();
        List<NestedList> lists = new ArrayList<>();
        collect(record, "", 1, root, lists);
        String id = rootId.apply(root);
        root.put(LOAD_ID, loadId);
        root.put(ID, id);
        List<FlatRow> rows = new ArrayList<>();
        rows.add(new FlatRow(table, root));
        expand(table, lists, id, id, rows);
        return new FlatRecord(id, rows);
    }

    /** Puts the scalars of {@code object} (at nesting {@code depth}) into {@code row}; keeps its lists for later. */
    private void collect(Map<?, ?> object, String prefix, int depth, Map<String, Object> row, List<NestedList> lists) {
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
            boolean tooDeep = depth + 1 > MAX_NESTING;
            if (value instanceof Map<?, ?> nested) {
                if (tooDeep) {
                    row.put(naming.shorten(path), Json.write(nested));
                } else {
                    collect(nested, path, depth + 1, row, lists);
                }
            } else if (value instanceof List<?> list) {
                if (tooDeep) {
                    row.put(naming.shorten(path), Json.write(list));
                } else {
                    lists.add(new NestedList(path, list, depth + 1));
                }
            } else {
                row.put(naming.shorten(path), value);
            }
        }
    }

    private void expand(String parentPath, List<NestedList> lists, String parentId, String rootId, List<FlatRow> rows) {
        for (NestedList nested : lists) {
            String tablePath = NamingConvention.path(parentPath, nested.path());
            String table = naming.shorten(tablePath);
            boolean tooDeep = nested.depth() + 1 > MAX_NESTING;
            for (int idx = 0; idx < nested.items().size(); idx++) {
                Object item = nested.items().get(idx);
                Map<String, Object> row = new LinkedHashMap<>();
                List<NestedList> inner = new ArrayList<>();
                if (item instanceof Map<?, ?> object) {
                    if (tooDeep) {
                        row.put(VALUE, Json.write(object));
                    } else {
                        collect(object, "", nested.depth() + 1, row, inner);
                    }
                } else if (item instanceof List<?> list) {
                    if (tooDeep) {
                        row.put(VALUE, Json.write(list));
                    } else {
                        inner.add(new NestedList(LIST, list, nested.depth() + 1));
                    }
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

    /** A list found at {@code path} (relative to its row's table), {@code depth} levels deep. */
    private record NestedList(String path, List<?> items, int depth) {
    }
}
