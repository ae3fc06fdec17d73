package io.chatload.engine;

import io.chatload.load.LoadLedger;
import io.chatload.load.LoadStatus;
import io.chatload.load.StateStore;
import io.chatload.routes.ResourceSpec;
import io.chatload.text.PrintableText;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One load: a {@code run --once} of several resources, or one scheduled firing. Its id is dlt's form (epoch
 * seconds with microseconds) and lands in every row's {@code _dlt_load_id}; each schema it touches gets a
 * {@code _chatload_loads} row, RUNNING until {@link #finish} marks it COMPLETED (with dlt's {@code _dlt_loads} row) or FAILED.
 */
public final class Load {

    private final String id;
    private final LoadLedger ledger;
    private final Set<String> resources;
    private final boolean fullRefresh;
    private final LinkedHashSet<String> schemas = new LinkedHashSet<>();
    private final Map<String, ResourceOutcome> outcomes = new LinkedHashMap<>();
    private final List<String> warnings = new ArrayList<>();
    private final Map<String, Map<String, String>> cursors = new ConcurrentHashMap<>();
    private volatile String stopReason;

    /**
     * @param resources   the resource ids this load covers (a parent fans out only to children among them)
     * @param fullRefresh ignore cursors: fetch everything again
     */
    public Load(LoadLedger ledger, Set<String> resources, boolean fullRefresh) {
        this(ledger, newId(Instant.now()), resources, fullRefresh);
    }

    Load(LoadLedger ledger, String id, Set<String> resources, boolean fullRefresh) {
        this.ledger = ledger;
        this.id = id;
        this.resources = Set.copyOf(resources);
        this.fullRefresh = fullRefresh;
    }

    public Set<String> resources() {
        return resources;
    }

    boolean fullRefresh() {
        return fullRefresh;
    }

    static String newId(Instant now) {
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1_000);
    }

    public String id() {
        return id;
    }

    /**
     * A resource's stored cursors by record key, read once per load (a child's runs, one per parent record, share
     * them). Empty for a full refresh.
     */
    Map<String, String> cursors(ResourceSpec spec, StateStore state) throws SQLException {
        if (fullRefresh || (spec.incremental() == null && spec.parentQuery() == null)) {
            return Map.of();
        }
        Map<String, String> known = cursors.get(spec.id());
        if (known == null) {
            known = Map.copyOf(state.allCursors(spec.schema(), spec.name()));
            cursors.putIfAbsent(spec.id(), known);
        }
        return known;
    }

    /**
     * Stops fetching, e.g. on SIGTERM: each run's next request fails with the reason instead of going out, so every
     * run ends soon, its batch committing what it holds with the cursors that cover it; the next load resumes there.
     */
    public void stop(String reason) {
        stopReason = reason;
    }

    /** Before each request: a stopped load makes none. */
    void checkRunning() {
        String reason = stopReason;
        if (reason != null) {
            throw new LoadStopped(reason);
        }
    }

    /** Opens the ledger row of a schema the first time a resource of this load writes there. */
    synchronized void touch(String schema) throws SQLException {
        if (schemas.add(schema)) {
            ledger.started(schema, id);
        }
    }

    /** Adds a run's outcome; the runs of a child resource (one per parent record) add up to one outcome. */
    synchronized void record(ResourceOutcome outcome) {
        outcomes.merge(outcome.resource(), outcome, ResourceOutcome::plus);
    }

    /** Whether a run of the resource added its outcome. */
    synchronized boolean recorded(String resource) {
        return outcomes.containsKey(resource);
    }

    private final java.util.Set<String> refusedSources = ConcurrentHashMap.newKeySet();

    /** A source's credential was refused (401/403): its other resources in this load stop at once instead of retrying. */
    void refuse(String source) {
        refusedSources.add(source);
    }

    boolean refused(String source) {
        return refusedSources.contains(source);
    }

    /**
     * Something the user should know that did not fail the load, e.g. a links.more URL on another host skipped. It
     * often quotes the API, so it is kept escaped (see {@link PrintableText}): the summary, the logs and the ledger
     * print it as it is.
     */
    synchronized void warn(String warning) {
        String line = PrintableText.escape(warning);
        if (!warnings.contains(line)) {
            warnings.add(line);
        }
    }

    /**
     * Records each resource's outcome in its state, closes the ledger rows and returns the summary. A write that fails
     * is reported in the summary, not thrown.
     */
    public synchronized LoadSummary finish(StateStore state) {
        List<String> ledgerErrors = new ArrayList<>();
        Map<String, List<StateStore.Outcome>> bySchema = new LinkedHashMap<>();
        for (ResourceOutcome o : outcomes.values()) {
            String name = o.resource().substring(o.resource().indexOf('.') + 1);
            bySchema.computeIfAbsent(o.schema(), s -> new ArrayList<>())
                    .add(new StateStore.Outcome(name, !o.failed(), o.failed() ? errorText(o) : null));
        }
        bySchema.forEach((schema, ended) -> { // one transaction per schema, not one per resource
            try {
                state.recordOutcomes(schema, id, ended);
            } catch (SQLException e) {
                ledgerErrors.add("the state of " + String.join(", ", ended.stream().map(StateStore.Outcome::resource).toList())
                        + " in " + schema + " could not be recorded: " + PrintableText.escape(e.getMessage()));
            }
        });
        for (String schema : schemas) {
            Map<String, Long> rows = new TreeMap<>();
            List<String> errors = new ArrayList<>();
            for (ResourceOutcome o : outcomes.values()) {
                if (o.schema().equals(schema)) {
                    o.rowsPerTable().forEach((t, n) -> rows.merge(t, n, Long::sum));
                    if (o.failed()) {
                        errors.add(errorText(o));
                    }
                }
            }
            // warnings ("<resource>: ...") go to the ledger too, after the errors, so a completed load keeps them
            List<String> notes = new ArrayList<>(errors);
            for (String warning : warnings) {
                ResourceOutcome of = outcomes.get(warning.substring(0, Math.max(0, warning.indexOf(": "))));
                if (of != null && of.schema().equals(schema)) {
                    notes.add("warning: " + warning);
                }
            }
            try {
                ledger.finished(schema, id, errors.isEmpty() ? LoadStatus.COMPLETED : LoadStatus.FAILED, rows,
                        notes.isEmpty() ? null : String.join("; ", notes));
            } catch (SQLException e) {
                ledgerErrors.add("ledger " + schema + "._chatload_loads could not be updated: " + PrintableText.escape(e.getMessage()));
            }
        }
        return new LoadSummary(id, List.copyOf(outcomes.values()), List.copyOf(warnings), ledgerErrors);
    }

    /** The first failure's line, and how many runs of the resource failed when there were more. */
    static String errorText(ResourceOutcome o) {
        return o.failures() > 1 ? o.error() + " (and " + (o.failures() - 1) + " more failed runs)" : o.error();
    }
}
