package io.chatload.dashboard;

import io.chatload.load.Destination;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Tag;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The counters: each outbox table's rows by status (from the database, so {@code show --web} has them too), and while
 * {@code run} serves the page, chatload's meters and Camel's exchange counts of the webhook routes (the registry that
 * {@code /observe/metrics} serves).
 */
final class Counters {

    /** The outbox tables' prefix, as the outboxes name them ({@code outbox_messages}, {@code outbox_dispatches}). */
    private static final String OUTBOX_PREFIX = "outbox_";

    /** {@code status} null for an empty outbox table. */
    record OutboxCount(String schema, String table, String status, long rows) {
    }

    record MeterValue(String name, Map<String, String> tags, double value) {
    }

    record All(List<OutboxCount> outboxes, List<MeterValue> meters) {
    }

    private Counters() {
    }

    static All read(Destination destination, Map<String, Set<String>> schemas, Pipeline pipeline) throws SQLException {
        return new All(outboxes(destination, schemas), pipeline == null ? List.of() : meters(pipeline));
    }

    private static List<OutboxCount> outboxes(Destination destination, Map<String, Set<String>> schemas) throws SQLException {
        List<OutboxCount> counts = new ArrayList<>();
        for (Map.Entry<String, Set<String>> schema : schemas.entrySet()) {
            for (String table : schema.getValue()) {
                if (!table.startsWith(OUTBOX_PREFIX)) {
                    continue;
                }
                String status = destination.dialect().quote("status");
                String sql = "SELECT " + status + ", COUNT(*) FROM " + destination.dialect().table(schema.getKey(), table)
                        + " GROUP BY " + status + " ORDER BY " + status;
                List<List<Object>> rows = destination.query(sql, 100).rows();
                for (List<Object> row : rows) {
                    counts.add(new OutboxCount(schema.getKey(), table, String.valueOf(row.get(0)), ((Number) row.get(1)).longValue()));
                }
                if (rows.isEmpty()) { // an empty outbox is still one: the page lists it with no status
                    counts.add(new OutboxCount(schema.getKey(), table, null, 0));
                }
            }
        }
        return counts;
    }

    private static List<MeterValue> meters(Pipeline pipeline) {
        MeterRegistry registry = pipeline.context().getRegistry().lookupByNameAndType("metricsRegistry", MeterRegistry.class);
        if (registry == null) {
            return List.of();
        }
        List<MeterValue> values = new ArrayList<>();
        for (Meter meter : registry.getMeters()) {
            String name = meter.getId().getName();
            String routeId = meter.getId().getTag("routeId");
            boolean webhook = name.startsWith("camel.exchanges") && routeId != null && routeId.contains("webhook");
            if (!name.startsWith("chatload") && !webhook) {
                continue;
            }
            Map<String, String> tags = new LinkedHashMap<>();
            for (Tag tag : meter.getId().getTags()) {
                tags.put(tag.getKey(), tag.getValue());
            }
            for (Measurement m : meter.measure()) {
                values.add(new MeterValue(name, tags, m.getValue()));
                break; // a counter's count, a gauge's value, a timer's count
            }
        }
        values.sort(Comparator.comparing(MeterValue::name).thenComparing(v -> v.tags().toString()));
        return values;
    }
}
