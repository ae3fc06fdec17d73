package io.chatload.vendor.chatforma;

import io.chatload.engine.Load;
import io.chatload.load.Destination;
import io.chatload.load.EvolutionMode;
import io.chatload.load.LoadBatch;
import io.chatload.load.LoadStatus;
import io.chatload.load.SchemaContract;
import io.chatload.load.TableTarget;
import io.chatload.load.WriteDisposition;
import io.chatload.load.naming.Naming;
import io.chatload.text.PrintableText;
import io.chatload.webhook.BadDeliveryException;
import io.chatload.webhook.DeliveryBodies;
import io.chatload.webhook.SecretMasking;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chatforma's form completions (shared/api/chatforma.md, section 5) into {@code <schema>.form_submissions}, the
 * answers ({@code data}: question, answer) into the child table {@code form_submissions__data}, through the loader
 * the polls use: dlt columns, {@code _dlt_id}s, a load per delivery (in {@code _dlt_loads} once it completes) and the
 * resource's state. The key is what identifies one completion, bot, form, user and time, so a delivery repeated any
 * number of times leaves one row and one set of answers. Written before the delivery is answered: a 200 means stored.
 */
final class FormSubmissions {

    static final String RESOURCE = "form_submissions";
    static final List<String> KEY = List.of("botId", "formId", "botUserId", "date");
    /** The answers' child table: the only one a delivery may make. */
    static final String ANSWERS = RESOURCE + "__data";
    /**
     * The body is untrusted input, so its tables get a conservative contract: the completion's table and its answers'
     * table are made, a list elsewhere in the body is left out ({@code tables=discard_value}); objects and lists inside
     * an answer are kept as JSON text ({@code maxTableNesting} 1); columns and variants evolve up to 50 per table
     * (a completion needs about a dozen), past which the delivery is refused ({@code evolve} counting as {@code freeze}).
     */
    static final SchemaContract CONTRACT = new SchemaContract(EvolutionMode.DISCARD_VALUE, EvolutionMode.EVOLVE,
            EvolutionMode.EVOLVE, 1, 50, Set.of(RESOURCE, ANSWERS));

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final String source;
    private final Destination destination;
    private final TableTarget target;
    private final SecretMasking masking;

    FormSubmissions(String source, Destination destination, String schema, SecretMasking masking, Naming naming) {
        this.source = source;
        this.destination = destination;
        this.target = new TableTarget(schema, RESOURCE, KEY, WriteDisposition.MERGE, CONTRACT, naming);
        this.masking = masking;
    }

    /** What a delivery's body must hold to be stored; the record to store, or empty for a test delivery. */
    static Map<String, Object> record(Map<String, Object> body) throws BadDeliveryException {
        Object test = body.get("test");
        if (test != null && !Boolean.FALSE.equals(test) && !"".equals(test) && !Integer.valueOf(0).equals(test)) {
            return Map.of();
        }
        for (String field : List.of("botId", "botUserId")) {
            Object v = body.get(field);
            if (!(v instanceof Integer || v instanceof Long || v instanceof String s && s.matches("[0-9]{1,18}"))) {
                throw new BadDeliveryException("form completion: '" + field + "' is "
                        + (v == null ? "missing" : "'" + DeliveryBodies.quote(v) + "', not an id"));
            }
        }
        if (!(body.get("formId") instanceof String formId) || formId.isBlank()) {
            throw new BadDeliveryException("form completion: 'formId' is missing or not a string");
        }
        if (!(body.get("date") instanceof String date)) {
            throw new BadDeliveryException("form completion: 'date' is missing or not a string");
        }
        try {
            Instant.parse(date);
        } catch (DateTimeParseException e) {
            throw new BadDeliveryException("form completion: 'date' '" + DeliveryBodies.quote(date)
                    + "' is not an ISO-8601 time such as 2026-01-23T17:33:30.000Z");
        }
        Object data = body.get("data");
        if (data != null && !(data instanceof List<?>)) {
            throw new BadDeliveryException("form completion: 'data' is not a list of questions and answers");
        }
        Map<String, Object> record = new LinkedHashMap<>(body);
        record.remove("test");
        return record;
    }

    /**
     * Stores one completion as a load of its own.
     *
     * @return the rows written per table
     * @throws SQLException when the destination refused it (the ledger row says FAILED)
     */
    synchronized Map<String, Long> store(Map<String, Object> record) throws SQLException {
        // synchronized: repeated deliveries arriving together upsert one after the other, never racing on the key
        String schema = target.schema();
        String loadId = new Load(destination.ledger(), Set.of(source + "." + RESOURCE), false).id();
        destination.ledger().started(schema, loadId);
        try {
            LoadBatch batch = destination.batch(loadId, 1);
            masking.accept(record); // a form's answers are anyone's text: a secret in them is stored masked too
            batch.add(target, record);
            batch.complete();
            batch.contractNotes().forEach(note -> LOG.warn("{} webhook: {}", source, note));
            Map<String, Long> rows = batch.rowsPerTable(schema);
            destination.ledger().finished(schema, loadId, LoadStatus.COMPLETED, rows, null);
            destination.state().recordOutcome(schema, RESOURCE, loadId, true, null);
            return rows;
        } catch (SQLException | RuntimeException e) {
            String error = source + "." + RESOURCE + ": the form completion could not be written: " + e.getMessage();
            try {
                destination.ledger().finished(schema, loadId, LoadStatus.FAILED, Map.of(), error);
                destination.state().recordOutcome(schema, RESOURCE, loadId, false, error);
            } catch (SQLException | RuntimeException ledgerError) {
                LOG.warn("{} webhook: the ledger could not record load {} either: {}", source, loadId,
                        PrintableText.escape(ledgerError.getMessage()));
            }
            throw e;
        }
    }
}
