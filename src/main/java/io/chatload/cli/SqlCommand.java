package io.chatload.cli;

import io.chatload.config.ChatloadConfig;
import io.chatload.load.Destination;
import io.chatload.load.QueryResult;
import java.sql.SQLException;
import java.util.Set;

/** {@code sql [--csv] "SELECT ..."}: a query on the destination, printed as a table or CSV. */
final class SqlCommand implements Command {

    private static final int MAX_TABLE_ROWS = 1_000;

    @Override
    public String name() {
        return "sql";
    }

    @Override
    public String help() {
        return """
                sql [--csv] "QUERY"        run a query on the destination and print the result
                  --csv   print CSV with a header row (all rows) instead of an aligned table (first 1000 rows);
                          the table shows control characters escaped (\\u001b), CSV is the data as stored
                Example: java -jar chatload.jar sql "SELECT * FROM chaport_data.visitors LIMIT 10"
                """;
    }

    @Override
    public Set<String> switchFlags() {
        return Set.of("--csv");
    }

    @Override
    public int run(Args args, Console console) {
        if (args.positionals().size() != 1 || args.positionals().get(0).isBlank()) {
            throw new UsageException("sql: give exactly one query, quoted, e.g. sql \"SELECT COUNT(*) FROM chaport_data.visitors\"");
        }
        boolean csv = args.has("--csv");
        try (Destination destination = Databases.connectToRead(ChatloadConfig.load())) {
            QueryResult result = destination.query(args.positionals().get(0), csv ? Integer.MAX_VALUE : MAX_TABLE_ROWS + 1);
            if (result.columns().isEmpty()) {
                console.out().println(result.updateCount() + " rows affected");
                return 0;
            }
            if (csv) {
                TextTable.printCsv(console.out(), result.columns(), result.rows());
            } else {
                boolean more = result.rows().size() > MAX_TABLE_ROWS;
                TextTable.printAligned(console.out(), result.columns(), more ? result.rows().subList(0, MAX_TABLE_ROWS) : result.rows());
                console.out().println(more ? "(first " + MAX_TABLE_ROWS + " rows; use --csv for all)" : "(" + result.rows().size() + " rows)");
            }
            return 0;
        } catch (SQLException e) {
            console.error("the query failed: " + e.getMessage().lines().findFirst().orElse("") + " (check the SQL; tables are in schemas such as chaport_data)");
            return 1;
        }
    }
}
