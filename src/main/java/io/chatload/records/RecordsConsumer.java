package io.chatload.records;

import io.chatload.load.Destination;
import io.chatload.records.ConsumerPositions.FinishedLoad;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits each root row of the finished loads its consumer id has not emitted yet, one exchange per row, load after
 * load in the order they finished. A load counts as emitted only once every one of its rows was processed without
 * an exception; a failure stops the poll and the next poll emits that load again from its first row (at least
 * once). The position is in the destination, so a restarted node resumes where the last one stopped.
 */
final class RecordsConsumer extends ScheduledPollConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(RecordsConsumer.class);

    private final RecordsEndpoint endpoint;
    private RecordsTable table;
    private String consumerId;
    private ConsumerPositions positions;
    private LoadRows rows;
    private boolean registered;
    /** When the consumer started: with fromStart=false, loads that finished before it are not emitted. */
    private OffsetDateTime startedAt;
    private boolean waitingForTable;

    RecordsConsumer(RecordsEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
        this.endpoint = endpoint;
    }

    @Override
    protected void doStart() throws Exception {
        ChatloadComponent component = endpoint.getComponent();
        Destination destination = component.destination();
        table = component.table(endpoint.getName());
        consumerId = endpoint.getConsumerId() != null ? endpoint.getConsumerId()
                : getRouteId() != null ? getRouteId() : endpoint.getEndpointUri();
        positions = new ConsumerPositions(destination.dataSource(), destination.dialect(), table.schema(), Clock.systemUTC());
        rows = new LoadRows(destination.dataSource(), destination.dialect(), table, endpoint.getPageSize());
        registered = false;
        startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        super.doStart();
    }

    @Override
    protected int poll() throws Exception {
        if (!registered) {
            // at the first poll, not at start: a destination that is down delays the consumer, not the application
            positions.register(consumerId, endpoint.isFromStart() ? null : startedAt);
            registered = true;
        }
        List<FinishedLoad> pending = positions.pending(consumerId, endpoint.runningTimeout());
        if (pending.isEmpty()) {
            return 0;
        }
        // read after the loads: a load that wrote the table created it before it finished
        LoadRows.Shape shape = rows.shape();
        if (!shape.exists()) {
            // no load is counted as emitted: a misspelt table fixed later must still get them all
            if (!waitingForTable) {
                LOG.info("{}: {} does not exist (yet): waiting for a load to write it", consumerId, table);
                waitingForTable = true;
            }
            return 0;
        }
        waitingForTable = false;
        int emitted = 0;
        for (FinishedLoad load : pending) {
            int count = isRunAllowed() ? emit(load, shape.primaryKey()) : -1;
            if (count < 0) {
                break;
            }
            positions.emitted(consumerId, load);
            emitted += count;
        }
        return emitted;
    }

    /** The load's rows, page after page; the number processed, or -1 when one failed or the consumer stops. */
    private int emit(FinishedLoad load, List<String> primaryKey) throws SQLException {
        int count = 0;
        String after = "";
        while (true) {
            List<Map<String, Object>> page = rows.page(load.loadId(), after);
            for (Map<String, Object> row : page) {
                if (!isRunAllowed() || !process(load, row, primaryKey)) {
                    return -1;
                }
                count++;
            }
            if (page.size() < rows.pageSize()) {
                return count;
            }
            after = String.valueOf(page.get(page.size() - 1).get(LoadRows.DLT_ID));
        }
    }

    private boolean process(FinishedLoad load, Map<String, Object> row, List<String> primaryKey) {
        Exchange exchange = createExchange(false);
        try {
            Message message = exchange.getMessage();
            message.setBody(row);
            message.setHeader(RecordHeaders.LOAD_ID, load.loadId());
            message.setHeader(RecordHeaders.LOAD_STATUS, load.status());
            message.setHeader(RecordHeaders.SCHEMA, table.schema());
            message.setHeader(RecordHeaders.TABLE, table.table());
            message.setHeader(RecordHeaders.DLT_ID, row.get(LoadRows.DLT_ID));
            message.setHeader(RecordHeaders.CONSUMER_ID, consumerId);
            if (!primaryKey.isEmpty()) {
                message.setHeader(RecordHeaders.PRIMARY_KEY,
                        primaryKey.stream().map(c -> String.valueOf(row.get(c))).collect(Collectors.joining(",")));
            }
            try {
                getProcessor().process(exchange);
            } catch (Exception e) {
                exchange.setException(e);
            }
            Exception failure = exchange.getException();
            if (failure != null) {
                // the route's error handler has reported the exception itself
                LOG.warn("{}: record {} of load {} from {} failed ({}); the load is emitted again at the next poll",
                        consumerId, row.get(LoadRows.DLT_ID), load.loadId(), table, failure.getClass().getSimpleName());
                return false;
            }
            return true;
        } finally {
            releaseExchange(exchange, false);
        }
    }
}
