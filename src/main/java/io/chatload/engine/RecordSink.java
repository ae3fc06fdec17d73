package io.chatload.engine;

import io.chatload.load.StateEntry;
import io.chatload.routes.Incremental;
import io.chatload.routes.Records;
import io.chatload.routes.ResourceSpec;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.Exchange;

/**
 * Each record of a page into the run's batch: the parent's fields copied in, excluded fields dropped, secrets
 * masked, its key and cursor read; a record whose cursor did not move since the last run is left out, with all below
 * it. Its cursor (and its done mark) join the batch only once the runs below it loaded ({@link #covered}).
 */
final class RecordSink {

    /** A record in the batch, with the state key and cursor it is stored under once all below it loaded. */
    record Written(Map<String, Object> record, String key, String cursor) {
    }

    private final ResourceMetrics metrics;
    /** Applied to every record before it is written; chatload's routes mask webhook secrets with it. */
    private final Consumer<Map<String, Object>> recordFilter;

    RecordSink(ResourceMetrics metrics, Consumer<Map<String, Object>> recordFilter) {
        this.metrics = metrics;
        this.recordFilter = recordFilter;
    }

    /** The body's record into the batch; the body becomes the {@link Written} record, or null when it was unchanged. */
    void write(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getMessage().getBody(Map.class);
        ResourceRun run = RunExchange.run(exchange);
        ResourceSpec spec = run.spec;
        if (spec.isChild()) {
            spec.parent().fields().forEach((child, parentField) -> record.put(child, Records.field(run.parent, parentField)));
        }
        spec.excludeFields().forEach(record::remove);
        recordFilter.accept(record);
        String key = Records.key(record, spec.primaryKey());
        Incremental inc = spec.incremental();
        Object cursorValue = inc == null || !inc.hasCursor() ? null : Records.field(record, inc.cursorField());
        String cursor = cursorValue == null ? null : cursorValue.toString();
        if (cursor != null) {
            run.sawCursor(cursor);
            if (!run.load.fullRefresh() && cursor.equals(run.cursors.get(key))) {
                exchange.getMessage().setBody(null); // unchanged since the last run, and so is everything below it
                return;
            }
        }
        run.batch.add(spec.target(), record);
        run.written();
        metrics.record(spec);
        exchange.getMessage().setBody(new Written(record, key, cursor));
    }

    /** After every run below the record loaded: its cursor and done mark, which the next run skips by. */
    void covered(ResourceRun run, Written written) {
        ResourceSpec spec = run.spec;
        if (written.cursor() != null) {
            run.batch.addState(spec.schema(), new StateEntry(spec.name(), written.key(), written.cursor()));
        }
        Incremental inc = spec.incremental();
        if (inc != null && inc.isDone(written.record())) {
            run.batch.addState(spec.schema(), new StateEntry(spec.name(), written.key(), Incremental.DONE));
        }
    }
}
