package io.chatload.dashboard;

import io.chatload.load.Destination;
import io.chatload.load.LoadRecord;
import io.chatload.load.LoadStatus;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run history, {@code _chatload_loads}, one entry per load: a load writes a row into each schema it touches under
 * one load id, so the plot's point is the load, with its rows summed and its time from the first start to the last end.
 */
final class LoadHistory {

    /** Loads per schema the dashboard reads: the plot stays readable and the query cheap. */
    static final int LIMIT = 500;

    /** One schema's part of a load. */
    record SchemaPart(String status, Map<String, Long> rowsPerTable, String error) {
    }

    /** A load as the plot and the table show it; times ISO-8601, finishedAt and durationMs null while it runs. */
    record Entry(String loadId, String status, String startedAt, String finishedAt, Long durationMs, long rows,
                 Map<String, SchemaPart> schemas) {
    }

    private LoadHistory() {
    }

    static List<Entry> read(Destination destination, Iterable<String> schemas) throws SQLException {
        Map<String, List<LoadRecord>> byLoad = new LinkedHashMap<>();
        for (String schema : schemas) {
            for (LoadRecord load : destination.ledger().recent(schema, LIMIT)) {
                byLoad.computeIfAbsent(load.loadId(), id -> new ArrayList<>()).add(load);
            }
        }
        List<Entry> entries = new ArrayList<>();
        byLoad.forEach((id, parts) -> entries.add(entry(id, parts)));
        entries.sort(Comparator.comparing(Entry::startedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Entry::loadId));
        return entries;
    }

    private static Entry entry(String loadId, List<LoadRecord> parts) {
        Instant start = null;
        Instant end = null;
        boolean running = false;
        boolean failed = false;
        long rows = 0;
        Map<String, SchemaPart> schemas = new LinkedHashMap<>();
        for (LoadRecord part : parts) {
            start = start == null || (part.startedAt() != null && part.startedAt().isBefore(start)) ? part.startedAt() : start;
            running |= part.status() == LoadStatus.RUNNING || part.finishedAt() == null;
            failed |= part.status() == LoadStatus.FAILED;
            if (part.finishedAt() != null && (end == null || part.finishedAt().isAfter(end))) {
                end = part.finishedAt();
            }
            rows += part.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
            schemas.put(part.schema(), new SchemaPart(part.status().name(), part.rowsPerTable(), part.error()));
        }
        String status = failed ? LoadStatus.FAILED.name() : running ? LoadStatus.RUNNING.name() : LoadStatus.COMPLETED.name();
        Instant finished = running && !failed ? null : end;
        Long duration = start == null || finished == null ? null : Duration.between(start, finished).toMillis();
        return new Entry(loadId, status, iso(start), iso(finished), duration, rows, schemas);
    }

    static String iso(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
