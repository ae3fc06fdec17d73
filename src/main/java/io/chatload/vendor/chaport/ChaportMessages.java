package io.chatload.vendor.chaport;

import io.chatload.config.SourceConfig;
import io.chatload.load.DataType;
import io.chatload.outbox.Column;
import io.chatload.outbox.HttpCall;
import io.chatload.outbox.OutboxKind;
import io.chatload.outbox.OutboxRow;
import io.chatload.outbox.RequestFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code chaport_data.outbox_messages}: operator messages to visitors, sent as
 * {@code POST /messages {visitorId, chatEvent:{type:"operator-message", params:{text, operatorId}, externalId}}}.
 * The external id is Chaport's idempotency key: a repeat for the same visitor is dropped, so a row whose first
 * attempt may have arrived is simply sent again with the same key.
 */
public final class ChaportMessages implements OutboxKind {
    /** The id and endpoints of the outbox of the source named {@code chaport}; another source's carry its name. */
    public static final String ID = "chaport.messages";
    /** Body {@code Map {visitorId, text, operatorId?, externalId?}}; replies with the row as a Map. */
    public static final String SEND = "direct:chaport-send-message";
    /** Drains once; replies with a {@code DrainResult}. */
    public static final String DRAIN = "direct:chaport-outbox-drain";
    static final String VISITOR_ID = "visitor_id";
    static final String OPERATOR_ID = "operator_id";
    static final String TEXT = "text";
    static final String EXTERNAL_ID = "external_id";

    private final SourceConfig source;

    ChaportMessages(SourceConfig source) {
        this.source = source;
    }

    @Override
    public String id() {
        return source.name() + ".messages";
    }

    @Override
    public String apiName() {
        return "Chaport";
    }

    @Override
    public SourceConfig source() {
        return source;
    }

    @Override
    public String schema() {
        return source.ownSchema();
    }

    @Override
    public String table() {
        return "outbox_messages";
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column(VISITOR_ID, DataType.TEXT), new Column(OPERATOR_ID, DataType.TEXT),
                new Column(TEXT, DataType.TEXT), new Column(EXTERNAL_ID, DataType.TEXT));
    }

    @Override
    public String responseIdColumn() {
        return null;
    }

    @Override
    public String dueColumn() {
        return null;
    }

    @Override
    public boolean idempotent() {
        return true;
    }

    /**
     * {@code chatload-<id>-<created_at in epoch ms>}: derived from the row alone, so an attempt whose claim was lost
     * still sends the same key; the creation time keeps keys unique when a recreated table starts its ids at 1 again
     * (a bare {@code chatload-1} would then be dropped by Chaport as a repeat of an old message).
     */
    @Override
    public Map<String, Object> claimDefaults(OutboxRow row) {
        if (row.text(EXTERNAL_ID) != null) {
            return Map.of();
        }
        Long created = RequestFields.epochMillis(row.createdAt());
        return Map.of(EXTERNAL_ID, "chatload-" + row.id() + (created == null ? "" : "-" + created));
    }

    @Override
    public String problem(OutboxRow row) {
        if (row.text(VISITOR_ID) == null) {
            return VISITOR_ID + " is empty";
        }
        return row.text(TEXT) == null ? TEXT + " is empty" : null;
    }

    @Override
    public HttpCall call(OutboxRow row) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("text", row.text(TEXT));
        if (row.text(OPERATOR_ID) != null) {
            params.put("operatorId", row.text(OPERATOR_ID));
        }
        Map<String, Object> chatEvent = new LinkedHashMap<>();
        chatEvent.put("type", "operator-message");
        chatEvent.put("params", params);
        chatEvent.put("externalId", row.text(EXTERNAL_ID));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("visitorId", row.text(VISITOR_ID));
        body.put("chatEvent", chatEvent);
        return new HttpCall("/messages", body);
    }

    @Override
    public String responseId(Object answer) {
        return null;
    }

    /** Body {@code {visitorId, text, operatorId?, externalId?}}. */
    @Override
    public Map<String, Object> fromRequest(Map<?, ?> body) {
        RequestFields fields = new RequestFields(sendEndpoint(), body);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(VISITOR_ID, fields.requiredText("visitorId"));
        values.put(OPERATOR_ID, fields.text("operatorId"));
        values.put(TEXT, fields.requiredText("text"));
        values.put(EXTERNAL_ID, fields.text("externalId"));
        return values;
    }

    @Override
    public String sendEndpoint() {
        return "direct:" + source.name() + "-send-message";
    }

    @Override
    public String drainEndpoint() {
        return "direct:" + source.name() + "-outbox-drain";
    }
}
