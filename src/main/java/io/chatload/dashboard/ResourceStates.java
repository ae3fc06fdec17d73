package io.chatload.dashboard;

import io.chatload.load.Destination;
import io.chatload.load.ResourceState;
import io.chatload.routes.ResourceSpec;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Each resource as {@code dlt pipeline show} would list it: its state, last success, last error, next fire time and the
 * rows of its table. The stored state ({@code _chatload_state}) is there whoever serves the page; the route's status
 * and the next fire time only while {@code run} serves it ({@link Pipeline}).
 */
final class ResourceStates {

    /**
     * @param resource   the resource's name, as its schema's state table keys it ({@code visitors})
     * @param id         its route id ({@code chaport.visitors}), null when no runtime serves the page
     * @param state      {@code succeeded}, {@code failed} (the last run failed) or {@code never run}
     * @param route      the Camel route's status (Started, Stopped...), null when no runtime serves the page
     * @param nextFireAt null when nothing schedules it: a child resource, or no {@code run} serving the page
     */
    record Resource(String schema, String resource, String id, String state, String route, String lastLoadId,
                    String lastSuccessAt, String lastErrorAt, String lastError, String nextFireAt, String table, Long rows) {
    }

    private ResourceStates() {
    }

    static List<Resource> read(Destination destination, Map<String, Set<String>> schemas, Pipeline pipeline)
            throws SQLException {
        Map<String, Resource> resources = new TreeMap<>();
        for (String schema : schemas.keySet()) {
            for (ResourceState s : destination.state().all(schema)) {
                ResourceSpec spec = pipeline == null ? null : pipeline.spec(schema, s.resource());
                String id = spec == null ? null : spec.id();
                // without the runtime's catalog, the resource's table is taken to bear its name, as the shipped ones do
                String table = spec != null ? spec.table() : s.resource();
                resources.put(schema + "/" + s.resource(), new Resource(schema, s.resource(), id, state(s),
                        route(pipeline, id), s.lastLoadId(), iso(s.lastSuccessAt()), iso(s.lastErrorAt()), s.lastError(),
                        nextFire(pipeline, id), table, rows(destination, schemas, schema, table)));
            }
        }
        if (pipeline != null) { // enabled resources that have not run yet
            for (ResourceSpec spec : pipeline.specs()) {
                resources.computeIfAbsent(spec.schema() + "/" + spec.name(), key -> new Resource(spec.schema(), spec.name(),
                        spec.id(), "never run", route(pipeline, spec.id()), null, null, null, null,
                        nextFire(pipeline, spec.id()), spec.table(), null));
            }
        }
        return new ArrayList<>(resources.values());
    }

    private static String state(ResourceState s) {
        if (s.lastErrorAt() != null && (s.lastSuccessAt() == null || s.lastErrorAt().isAfter(s.lastSuccessAt()))) {
            return "failed";
        }
        return s.lastSuccessAt() != null ? "succeeded" : "never run";
    }

    private static String route(Pipeline pipeline, String id) {
        return id == null ? null : pipeline.routeStatus(id);
    }

    private static String nextFire(Pipeline pipeline, String id) {
        return id == null ? null : iso(pipeline.nextFireTime(id));
    }

    /** The row count of the resource's table, when the schema has it. */
    private static Long rows(Destination destination, Map<String, Set<String>> schemas, String schema, String table)
            throws SQLException {
        String name = table.toLowerCase(Locale.ROOT);
        if (!schemas.getOrDefault(schema, Set.of()).contains(name)) {
            return null;
        }
        Object count = destination.query("SELECT COUNT(*) FROM " + destination.dialect().table(schema, name), 1).rows().get(0).get(0);
        return ((Number) count).longValue();
    }

    private static String iso(Instant instant) {
        return LoadHistory.iso(instant);
    }
}
