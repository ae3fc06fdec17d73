package io.chatload.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.source.ApiClients;
import io.chatload.source.urls.Urls;
import java.net.URI;
import java.sql.SQLException;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one claimed row: {@link #request} turns it into the POST that the source's {@code <source>-http} component
 * makes (its interceptor adds the credential, so no secret is in the message), {@link #record} turns the answer or
 * the failure into the row's new status.
 */
final class OutboxSender {
    /** The row being sent, its request path, and the failure of the HTTP call if it failed. */
    static final String ROW = "chatloadOutboxRow";
    static final String PATH = "chatloadOutboxPath";
    static final String FAILURE = "chatloadOutboxFailure";
    /** The drain's {@link DrainTally}, absent when a {@code direct:} caller sends one row. */
    static final String TALLY = "chatloadOutboxTally";

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboxKind kind;
    private final OutboxStore store;
    private final Outcomes outcomes;

    OutboxSender(OutboxKind kind, OutboxStore store, Outcomes outcomes) {
        this.kind = kind;
        this.store = store;
        this.outcomes = outcomes;
    }

    /**
     * Fails before anything is claimed when the source's HTTP component is missing: a send would then fail without
     * reaching the API, which for an outbox without idempotency would wrongly leave its row unknown.
     */
    void requireClient(CamelContext context) {
        String component = component();
        if (context.hasComponent(component) == null) {
            throw new IllegalStateException("no HTTP client '" + component + "' is registered in the Camel context: "
                    + "register it with ApiClients.register for source " + kind.source().name() + " before the "
                    + kind.id() + " outbox sends");
        }
    }

    /** The endpoint of the source's own HTTP component; the real URL is in the request's HTTP_URI header. */
    String endpoint() {
        return component() + "://api?throwExceptionOnFailure=false";
    }

    private String component() {
        return ApiClients.componentName(kind.source().name());
    }

    /** The claimed row in the body becomes the request; a caller's own headers go (CamelHttp* ones would redirect it). */
    void request(Exchange exchange) throws InvalidPayloadException, JsonProcessingException {
        OutboxRow row = exchange.getMessage().getMandatoryBody(OutboxRow.class);
        HttpCall call = kind.call(row);
        URI uri = Urls.resolve(kind.source().baseUrl(), call.path());
        exchange.setProperty(ROW, row);
        exchange.setProperty(PATH, Urls.pathAndQuery(uri));
        exchange.removeProperty(FAILURE);
        Message message = exchange.getMessage();
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_URI, uri.toString());
        message.setHeader(Exchange.HTTP_METHOD, "POST");
        message.setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
        message.setBody(JSON.writeValueAsString(call.body()));
    }

    /** Keeps the HTTP call's failure under our own name: a caller's route may hold an older caught exception. */
    void keepFailure(Exchange exchange) {
        exchange.setProperty(FAILURE, exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    void record(Exchange exchange) throws SQLException {
        OutboxRow row = exchange.getProperty(ROW, OutboxRow.class);
        Throwable failure = exchange.getProperty(FAILURE, Throwable.class);
        Message message = exchange.getMessage();
        Outcome outcome = failure != null ? outcomes.failed(row, failure)
                : outcomes.answered(row, message.getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class),
                message.getBody(String.class), message.getHeader(Exchange.HTTP_RESPONSE_TEXT, String.class));
        message.removeHeaders("*");
        message.setBody(null);
        finish(exchange, row, outcome, "POST " + exchange.getProperty(PATH, String.class));
        exchange.removeProperty(ROW);
        exchange.removeProperty(PATH);
        exchange.removeProperty(FAILURE);
    }

    /** Stores an outcome, counts it in the drain's tally and logs one line for anything but a plain success. */
    void finish(Exchange exchange, OutboxRow row, Outcome outcome, String request) throws SQLException {
        String at = kind.id() + " row " + row.id() + (request == null ? "" : " (" + request + ")");
        if (!store.finish(row.id(), outcome)) {
            LOG.warn("{}: the row left status 'sending' while it was being sent (changed by a person or another "
                    + "process); its outcome '{}' was not recorded", at, outcome.status().sql());
            return;
        }
        DrainTally tally = exchange.getProperty(TALLY, DrainTally.class);
        if (tally != null) {
            tally.count(outcome.status());
        }
        switch (outcome.status()) {
            case SENT -> LOG.debug("{}: sent", at);
            case PENDING -> LOG.info("{}: {}", at, outcome.lastError());
            case FAILED -> LOG.warn("{}: {}: marked failed; {}", at, outcome.lastError(), outcome.advice());
            case UNKNOWN -> LOG.warn("{}: {}: marked unknown; {}", at, outcome.lastError(), outcome.advice());
            case SENDING -> throw new IllegalStateException("sending is not an outcome");
        }
    }
}
