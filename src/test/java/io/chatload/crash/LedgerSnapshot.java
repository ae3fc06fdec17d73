package io.chatload.crash;

import io.chatload.load.Destination;
import io.chatload.load.LoadRecord;
import io.chatload.load.LoadStatus;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The loads in each schema's {@code _chatload_loads}, load id to status, as read between two child runs. */
record LedgerSnapshot(Map<String, Map<String, LoadStatus>> loads) {

    static LedgerSnapshot empty(List<String> schemas) {
        Map<String, Map<String, LoadStatus>> loads = new LinkedHashMap<>();
        schemas.forEach(schema -> loads.put(schema, Map.of()));
        return new LedgerSnapshot(loads);
    }

    static LedgerSnapshot read(Destination db, List<String> schemas) throws SQLException {
        Map<String, Map<String, LoadStatus>> loads = new LinkedHashMap<>();
        for (String schema : schemas) {
            Map<String, LoadStatus> bySchema = new TreeMap<>();
            for (LoadRecord load : db.ledger().recent(schema, Integer.MAX_VALUE)) {
                bySchema.put(load.loadId(), load.status());
            }
            loads.put(schema, bySchema);
        }
        return new LedgerSnapshot(loads);
    }

    /**
     * Per schema, the loads that appeared since {@code before}. Fails when an older load vanished or changed status: a
     * killed load must stay RUNNING whatever runs after it.
     */
    Map<String, Map<String, LoadStatus>> since(LedgerSnapshot before) {
        Map<String, Map<String, LoadStatus>> added = new LinkedHashMap<>();
        loads.forEach((schema, now) -> {
            Map<String, LoadStatus> earlier = before.loads().getOrDefault(schema, Map.of());
            earlier.forEach((id, status) -> {
                if (now.get(id) != status) {
                    throw new AssertionError(schema + "._chatload_loads: load " + id + " was " + status + " and is now "
                            + now.get(id));
                }
            });
            Map<String, LoadStatus> fresh = new TreeMap<>(now);
            fresh.keySet().removeAll(earlier.keySet());
            added.put(schema, fresh);
        });
        return added;
    }

    long count(String schema, LoadStatus status) {
        return loads.getOrDefault(schema, Map.of()).values().stream().filter(s -> s == status).count();
    }

    int size(String schema) {
        return loads.getOrDefault(schema, Map.of()).size();
    }
}
