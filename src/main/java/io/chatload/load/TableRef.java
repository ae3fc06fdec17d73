package io.chatload.load;

/** A table by its normalised schema and table names: how a {@link LoadBatch} keys its buffers and counts. */
record TableRef(String schema, String table) {
    @Override
    public String toString() {
        return schema + "." + table;
    }
}
