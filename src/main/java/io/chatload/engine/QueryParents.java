package io.chatload.engine;

import io.chatload.load.Destination;
import io.chatload.load.QueryResult;
import io.chatload.routes.ResourceSpec;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.Exchange;

/**
 * A resource whose parent records are the rows of an SQL query on the destination ({@code parentQuery}): its run
 * reads the rows, then runs the resource once per row, in its batch. A row whose request answered 404 before is not
 * asked again.
 */
final class QueryParents {

    /** SQLStates of "no such table" (H2, MariaDB; PostgreSQL). */
    private static final Set<String> MISSING_TABLE = Set.of("42S02", "42P01");

    private final Destination destination;
    private final Runs runs;

    QueryParents(Destination destination, Runs runs) {
        this.destination = destination;
        this.runs = runs;
    }

    List<Map<String, Object>> rows(ResourceSpec spec) throws SQLException {
        QueryResult result;
        try {
            result = destination.readOnlyQuery(spec.parentQuery().sql(), Integer.MAX_VALUE);
        } catch (SQLException e) {
            if (MISSING_TABLE.contains(e.getSQLState())) {
                return List.of(); // nothing loaded yet that the query could find
            }
            throw e;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<Object> values : result.rows()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < values.size(); i++) {
                row.put(result.columns().get(i), values.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    /** For the run that read a query's rows: one run per row, in its batch; nothing for any other run. */
    void runAll(Exchange exchange) {
        ResourceRun driver = RunExchange.run(exchange);
        if (driver.queryRows() == null) {
            return;
        }
        for (Map<String, Object> row : driver.queryRows()) {
            if (!driver.load.fullRefresh()
                    && RunLifecycle.GONE.equals(driver.cursors.get(ResourceRun.scope(driver.spec, row)))) {
                continue; // answered 404 before: not asked again
            }
            if (!runs.start(RunRequest.of(driver.spec.id()).below(driver, row)).complete()) {
                driver.childFailed();
            }
        }
    }
}
