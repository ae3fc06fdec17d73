package io.chatload.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.load.Destination;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dashboard's data: one JSON document per endpoint, {@code /dashboard/api/<name>}, read from the destination on
 * each request (the page is a view of the database, so another process's loads show up too). Values are data, never
 * markup: the page puts them into the DOM as text.
 */
public final class DashboardApi {

    /** The endpoint names, in the order the page shows them. */
    public static final List<String> ENDPOINTS = List.of("resources", "loads", "tables", "schema-changes", "counters");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Destination destination;
    private final Pipeline pipeline;

    /** @param pipeline the running pipeline ({@code run}), or null ({@code show --web}) */
    public DashboardApi(Destination destination, Pipeline pipeline) {
        this.destination = destination;
        this.pipeline = pipeline;
    }

    /** The endpoint's JSON; empty for a name that is not an endpoint. */
    public Optional<String> json(String endpoint) throws SQLException {
        if (!ENDPOINTS.contains(endpoint)) {
            return Optional.empty();
        }
        Map<String, Set<String>> schemas = Schemas.tables(destination);
        Object data = switch (endpoint) {
            case "resources" -> ResourceStates.read(destination, schemas, pipeline);
            case "loads" -> LoadHistory.read(destination, schemas.keySet());
            case "tables" -> TableSnapshots.read(destination, schemas.keySet());
            case "schema-changes" -> SchemaChanges.read(destination, schemas);
            default -> Counters.read(destination, schemas, pipeline);
        };
        return Optional.of(write(data));
    }

    static String write(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("dashboard data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
