package io.chatload.load;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row fitted to its table, column → value to bind, read-only: its values sit in an array at the places the
 * {@link Slots} of its batch of rows give the columns, so that a row costs one array instead of a hash map's nodes.
 * No value is null: a column without one is absent.
 */
final class FittedRow extends AbstractMap<String, Object> {
    /** Each column's place in the rows of one {@link ColumnResolver#resolve} call, given in the order columns come. */
    static final class Slots {
        private final Map<String, Integer> byColumn = new HashMap<>();
        private String[] columns = new String[16];

        int of(String column) {
            Integer slot = byColumn.get(column);
            if (slot == null) {
                slot = byColumn.size();
                byColumn.put(column, slot);
                if (slot == columns.length) {
                    columns = Arrays.copyOf(columns, slot * 2);
                }
                columns[slot] = column;
            }
            return slot;
        }

        int size() {
            return byColumn.size();
        }
    }

    private final Slots slots;
    private Object[] values;
    private int size;

    FittedRow(Slots slots) {
        this.slots = slots;
        this.values = new Object[slots.size()];
    }

    /** Sets the column's value (never null), as {@link Map#put} would. */
    void set(String column, Object value) {
        int slot = slots.of(column);
        if (slot >= values.length) {
            values = Arrays.copyOf(values, Math.max(slot + 1, slots.size()));
        }
        if (values[slot] == null) {
            size++;
        }
        values[slot] = value;
    }

    @Override
    public Object get(Object column) {
        Integer slot = slots.byColumn.get(column);
        return slot == null || slot >= values.length ? null : values[slot];
    }

    @Override
    public boolean containsKey(Object column) {
        return get(column) != null;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int next = advance(0);

                    private int advance(int from) {
                        int at = from;
                        while (at < values.length && values[at] == null) {
                            at++;
                        }
                        return at;
                    }

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (!hasNext()) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> entry = new SimpleImmutableEntry<>(slots.columns[next], values[next]);
                        next = advance(next + 1);
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
