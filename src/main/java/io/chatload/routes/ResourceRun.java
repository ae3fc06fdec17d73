package io.chatload.routes;

import io.chatload.load.LoadBatch;
import io.chatload.source.Paginator;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** The state of one resource run while its pages flow: carried in an exchange property from page to page. */
final class ResourceRun {

    final ResourceSpec spec;
    final Load load;
    final LoadBatch batch;
    final Paginator paginator;
    private final Instant started = Instant.now();
    private final Set<URI> fetched = new HashSet<>();
    private URI next;
    private URI current;
    private int requests;

    ResourceRun(ResourceSpec spec, Load load, LoadBatch batch, Paginator paginator, URI first) {
        this.spec = spec;
        this.load = load;
        this.batch = batch;
        this.paginator = paginator;
        this.next = first;
    }

    URI next() {
        return next;
    }

    /** Moves to the next page; a URL already fetched in this run is a loop in the API's paging and ends the run. */
    URI startRequest() {
        if (!fetched.add(next)) {
            throw new IllegalStateException("the API's paging returned to " + next.getRawPath() + " again");
        }
        current = next;
        next = null;
        requests++;
        return current;
    }

    int requests() {
        return requests;
    }

    URI current() {
        return current;
    }

    void pageRead(URI nextPage) {
        next = nextPage;
    }

    ResourceOutcome outcome(String error) {
        return new ResourceOutcome(spec.id(), spec.schema(), requests, batch.rowsPerTable(spec.schema()),
                Duration.between(started, Instant.now()), error);
    }
}
