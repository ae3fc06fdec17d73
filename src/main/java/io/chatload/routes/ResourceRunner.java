package io.chatload.routes;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.config.SourceConfig;
import io.chatload.load.Destination;
import io.chatload.load.LoadBatch;
import io.chatload.source.ApiClients;
import io.chatload.source.BadResponseException;
import io.chatload.source.Paginator;
import io.chatload.source.Paginators;
import io.chatload.source.PagingContext;
import io.chatload.source.Urls;
import java.io.InputStream;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.camel.Exchange;

/**
 * The processors of {@link LoadRoutes}: begin a resource run, prepare each request, read each page, hand records to
 * the run's {@link LoadBatch}, and finish or fail the run. Outcomes go to the run's {@link Load}; a scheduled firing
 * owns its load and reports the summary itself.
 */
public final class ResourceRunner {

    /** Exchange property: the resource id ({@code chaport.visitors}) to run. */
    public static final String RESOURCE = "chatloadResource";
    /** Exchange property: the {@link Load} this run belongs to; absent for a scheduled firing, which starts its own. */
    public static final String LOAD = "chatloadLoad";
    static final String RUN = "chatloadRun";
    static final String OWNS_LOAD = "chatloadOwnsLoad";
    static final String HTTP_COMPONENT = "chatloadHttp";

    private static final int MAX_PAGES = 100_000;

    private final ResourceCatalog catalog;
    private final Destination destination;
    private final int batchSize;
    private final Consumer<LoadSummary> scheduledLoads;
    private final ObjectMapper json = new ObjectMapper();

    public ResourceRunner(ResourceCatalog catalog, Destination destination, int batchSize, Consumer<LoadSummary> scheduledLoads) {
        this.catalog = catalog;
        this.destination = destination;
        this.batchSize = batchSize;
        this.scheduledLoads = scheduledLoads;
    }

    void begin(Exchange exchange) throws SQLException {
        ResourceSpec spec = catalog.get(exchange.getProperty(RESOURCE, String.class));
        Load load = exchange.getProperty(LOAD, Load.class);
        if (load == null) {
            load = new Load(destination.ledger(), catalog.select(List.of()), false);
            exchange.setProperty(LOAD, load);
            exchange.setProperty(OWNS_LOAD, true);
        }
        SourceConfig source = catalog.sourceConfig(spec.source());
        Paging paging = spec.paging();
        Paginator paginator = Paginators.create(paging.paginator(), new PagingContext(source.baseUrl(), paging.pageParam(),
                paging.pageSizeParam(), paging.pageSize(), paging.maxPages(), url -> true, warning -> { }));
        URI first = paginator.first(Urls.resolve(source.baseUrl(), spec.path()));
        load.touch(spec.schema());
        LoadBatch batch = destination.batch(load.id(), batchSize);
        batch.use(spec.target()); // a REPLACE resource that returns no records still empties its table
        exchange.setProperty(RUN, new ResourceRun(spec, load, batch, paginator, first));
        exchange.setProperty(HTTP_COMPONENT, ApiClients.componentName(spec.source()));
    }

    /** The Dynamic Router's choice after each hop: fetch the next page, or stop. */
    public String nextPage(Exchange exchange) {
        ResourceRun run = run(exchange);
        if (run.next() == null) {
            return null;
        }
        if (run.requests() >= MAX_PAGES) {
            throw new IllegalStateException("stopped after " + MAX_PAGES + " pages: the API keeps naming a next page");
        }
        return LoadRoutes.PAGE;
    }

    void prepareRequest(Exchange exchange) {
        URI uri = run(exchange).startRequest();
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setBody(null);
        exchange.getMessage().setHeader(Exchange.HTTP_URI, uri.toString());
        exchange.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
    }

    void readPage(Exchange exchange) throws Exception {
        ResourceRun run = run(exchange);
        Object body;
        try (InputStream in = exchange.getMessage().getMandatoryBody(InputStream.class)) {
            body = json.readValue(in, Object.class);
        } catch (JacksonException e) {
            throw new BadResponseException("the body is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        exchange.getMessage().removeHeaders("*");
        List<Map<String, Object>> records = run.spec.dataSelector().select(body);
        run.pageRead(run.paginator.next(run.current(), body, records));
        exchange.getMessage().setBody(records);
    }

    void sink(Exchange exchange) {
        @SuppressWarnings("unchecked")
        Map<String, Object> record = exchange.getMessage().getBody(Map.class);
        ResourceRun run = run(exchange);
        run.batch.add(run.spec.target(), record);
    }

    void complete(Exchange exchange) throws SQLException {
        ResourceRun run = run(exchange);
        run.batch.complete();
        destination.state().recordOutcome(run.spec.schema(), run.spec.name(), run.load.id(), true, null);
        end(exchange, run.outcome(null));
    }

    void fail(Exchange exchange) {
        Exception e = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        ResourceRun run = run(exchange);
        ResourceSpec spec = catalog.get(exchange.getProperty(RESOURCE, String.class));
        if (run == null) {
            String error = spec.id() + ": could not start: " + ErrorMessages.describe(e);
            end(exchange, new ResourceOutcome(spec.id(), spec.schema(), 0, Map.of(), Duration.ZERO, error));
            return;
        }
        String error = ErrorMessages.forResource(spec, run.current(), catalog.sourceConfig(spec.source()), e);
        try {
            run.batch.flush(); // keep the rows fetched before the failure
        } catch (SQLException | RuntimeException flushError) {
            error += "; the last batch could not be written either: " + ErrorMessages.describe(flushError);
        }
        try {
            destination.state().recordOutcome(spec.schema(), spec.name(), run.load.id(), false, error);
        } catch (SQLException stateError) {
            error += "; its state could not be recorded: " + ErrorMessages.describe(stateError);
        }
        end(exchange, run.outcome(error));
    }

    private void end(Exchange exchange, ResourceOutcome outcome) {
        Load load = exchange.getProperty(LOAD, Load.class);
        load.record(outcome);
        if (exchange.getProperty(OWNS_LOAD, false, Boolean.class)) {
            scheduledLoads.accept(load.finish());
        }
    }

    private static ResourceRun run(Exchange exchange) {
        return exchange.getProperty(RUN, ResourceRun.class);
    }
}
