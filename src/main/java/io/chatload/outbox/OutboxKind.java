package io.chatload.outbox;

import io.chatload.config.SourceConfig;
import java.util.List;
import java.util.Map;

/**
 * What differs between outboxes: the table and its own columns, how a row becomes a request, what the response
 * gives back, and whether the API can tell a resent request from a new one. Everything else (claiming, sending,
 * recording the outcome, recovering after a crash) is the same mechanism for every kind. A vendor plug-in
 * ({@code io.chatload.plugin.VendorPlugin}) supplies its kinds; this package never names one.
 */
public interface OutboxKind {

    /** The outbox's name, also the id of its trigger route, e.g. {@code <source>.messages}. */
    String id();

    /** The API's name as people know it, for messages. */
    String apiName();

    /** Base URL (requests go to it through {@code <source>-http}); the secret is used only to scrub error text. */
    SourceConfig source();

    String schema();

    String table();

    /** Columns after {@code id}, in table order; the common status columns follow them. */
    List<Column> columns();

    /** A column this kind fills from the API's answer, after the common columns; null when none. */
    String responseIdColumn();

    /** A timestamp column before which a row is not sent; null when rows are due at once. */
    String dueColumn();

    /**
     * True when the API drops a repeated request (an idempotency key): then a row whose request may have gone out can
     * be sent again safely. False means a resend could act twice, so such a row is marked {@code unknown}.
     */
    boolean idempotent();

    /**
     * Column values to store at claim time where the row has none (e.g. a generated idempotency key), computed only
     * from the row so that they come out the same on every attempt.
     */
    Map<String, Object> claimDefaults(OutboxRow row);

    /** What is wrong with a row that cannot be sent as it is (a required column empty), or null. */
    String problem(OutboxRow row);

    /** The request for a claimed row (after {@link #claimDefaults}). */
    HttpCall call(OutboxRow row);

    /** The id the API gave the created object, from the parsed JSON answer; null when it has none. */
    String responseId(Object answer);

    /**
     * The column values of a new row from the body sent to the kind's {@code direct:} endpoint, checked.
     *
     * @throws IllegalArgumentException naming the missing or bad field
     */
    Map<String, Object> fromRequest(Map<?, ?> body);

    /** The {@code direct:} endpoint that inserts a row and sends it at once. */
    String sendEndpoint();

    /** The {@code direct:} endpoint that drains the outbox once. */
    String drainEndpoint();
}
