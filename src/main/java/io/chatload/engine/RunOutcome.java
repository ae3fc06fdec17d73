package io.chatload.engine;

/**
 * What one run did. {@code outcome}: its requests, records and error, also added to its load's summary;
 * {@code complete}: it loaded all it covers (it did not fail, no run below it failed, its paging did not stop at
 * maxPages), so a cursor above it may claim it; {@code summary}: for a run that had a load of its own, that load's
 * summary, else null.
 */
public record RunOutcome(ResourceOutcome outcome, boolean complete, LoadSummary summary) {

    public boolean failed() {
        return outcome.failed();
    }

    RunOutcome withSummary(LoadSummary loadSummary) {
        return new RunOutcome(outcome, complete, loadSummary);
    }
}
