package io.chatload.outbox;

import io.chatload.load.Destination;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.StartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.SplitDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sending from outbox tables, one per {@link OutboxKind} the vendor plug-ins supply for their enabled sources (for
 * example a chat API's operator messages, or a bot platform's segment broadcasts).
 *
 * <p>Per outbox: a stateful Quartz trigger (route id: the kind's id) drains the table every poll interval through the
 * kind's {@link OutboxKind#drainEndpoint() drain endpoint}; its {@link OutboxKind#sendEndpoint() send endpoint}
 * inserts one row and sends it at once, for routes of an existing Camel estate. Requests go through the source's
 * {@code <source>-http} component ({@code ApiClients.register}, which must be registered for each enabled source),
 * so the credential is never in a Camel message.
 *
 * <p>Each row is claimed ({@code pending} to {@code sending}, one more attempt) in its own committed transaction
 * before its POST, and its outcome recorded in another after it. A process killed in between leaves the row in
 * {@code sending}; the next process start deals with it before sending anything (see {@link OutboxSetup}).
 */
public final class OutboxRoutes extends RouteBuilder {
    private static final Logger LOG = LoggerFactory.getLogger(OutboxRoutes.class);

    private final OutboxSettings settings;
    private final List<Outbox> outboxes = new ArrayList<>();

    /**
     * @param kinds the outboxes to serve, those of the enabled sources; each source's {@code <source>-http}
     *              component must be registered before the first send
     */
    public OutboxRoutes(Destination destination, OutboxSettings settings, Collection<? extends OutboxKind> kinds) {
        this.settings = settings;
        Clock clock = Clock.systemUTC();
        for (OutboxKind kind : kinds) {
            outboxes.add(Outbox.create(kind, destination, settings, clock));
        }
    }

    @Override
    public void configure() throws Exception {
        // the tables exist from the start, so users can fill them before the first drain
        getCamelContext().addStartupListener(new StartupListener() {
            @Override
            public void onCamelContextStarting(CamelContext context, boolean alreadyStarted) throws Exception {
                prepare();
            }

            @Override
            public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) throws Exception {
                prepare();
            }
        });
        for (Outbox outbox : outboxes) {
            configure(outbox);
        }
    }

    private void configure(Outbox outbox) {
        OutboxKind kind = outbox.kind();
        String trigger = "quartz://chatload/" + kind.id() + "?trigger.repeatInterval="
                + settings.pollInterval().toMillis() + "&trigger.repeatCount=-1&stateful=true";
        from(trigger).routeId(kind.id())
                .doTry()
                    .to(kind.drainEndpoint())
                .doCatch(Exception.class)
                    .process(exchange -> LOG.error(outbox.drainStopped(
                            exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class))))
                .end();

        SplitDefinition eachRow = from(kind.drainEndpoint()).routeId(kind.id() + ".drain")
                .errorHandler(noErrorHandler())
                .process(outbox.drain()::begin)
                .loopDoWhile(outbox.drain()::more)
                    .split(body()).stopOnException();
        if (settings.parallelism() > 1) {
            ExecutorService senders = getCamelContext().getExecutorServiceManager()
                    .newFixedThreadPool(this, "chatload-outbox-" + kind.id(), settings.parallelism());
            eachRow.parallelProcessing().executorService(senders);
        }
        eachRow
                        .process(outbox.drain()::claim)
                        .filter(body().isNotNull())
                            .to(outbox.postEndpoint())
                        .end()
                    .end()
                    .process(outbox.drain()::nextBatch)
                .end()
                .process(outbox.drain()::end);

        from(outbox.postEndpoint()).routeId(kind.id() + ".post")
                .errorHandler(noErrorHandler())
                .process(outbox.sender()::request)
                .doTry()
                    // resolved at the first send, so the component may be registered after these routes are built;
                    // not "optimised": that looks for an endpoint factory named after the component, which has none
                    .toD().uri(outbox.sender().endpoint())
                        .allowOptimisedComponents(false)
                .endDoTry()
                .doCatch(Exception.class)
                    .process(outbox.sender()::keepFailure)
                .end()
                .process(outbox.sender()::record);

        from(kind.sendEndpoint()).routeId(kind.id() + ".send")
                .errorHandler(noErrorHandler())
                .process(outbox.direct()::insert)
                .filter(body().isNotNull())
                    .to(outbox.postEndpoint())
                .end()
                .process(outbox.direct()::reply);
    }

    /**
     * Creates the tables if absent and settles rows an earlier process left in the crash window; once per process.
     * Runs by itself when the Camel context starts; drains and sends also make sure of it first.
     */
    public void prepare() throws Exception {
        for (Outbox outbox : outboxes) {
            outbox.setup().ensure();
        }
    }

    /**
     * Drains every outbox once (for {@code run --once}) through its drain route, in the Camel context these routes
     * were added to, and returns what each drain did.
     *
     * @throws OutboxException when a drain stopped (e.g. the database failed); its message is one line
     */
    public List<DrainResult> drainOnce() {
        return drainOnce(id -> true);
    }

    /** The same for the outboxes whose id ({@code <source>.messages}) the filter accepts. */
    public List<DrainResult> drainOnce(java.util.function.Predicate<String> which) {
        CamelContext context = getCamelContext();
        if (context == null) {
            throw new IllegalStateException("add the outbox routes to a CamelContext before draining");
        }
        List<DrainResult> results = new ArrayList<>();
        try (ProducerTemplate producer = context.createProducerTemplate()) {
            for (Outbox outbox : outboxes) {
                if (!which.test(outbox.kind().id())) {
                    continue;
                }
                try {
                    results.add(producer.requestBody(outbox.kind().drainEndpoint(), null, DrainResult.class));
                } catch (CamelExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    throw new OutboxException(outbox.drainStopped(cause), cause);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("closing the producer template failed", e);
        }
        return results;
    }
}
