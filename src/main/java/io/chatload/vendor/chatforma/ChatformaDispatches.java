package io.chatload.vendor.chatforma;

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
 * {@code chatforma_data.outbox_dispatches}: text broadcasts to a bot's segment (0 = all its users), sent as
 * {@code POST /bots/{bot_id}/segments/{segment_id}/dispatch {"content"}}, not before {@code run_at} (chatload holds
 * the row until then: the segment dispatch call takes no time of its own). The API has no idempotency key and no way
 * to list dispatches, so a row whose request may have gone out is never resent by chatload: see
 * {@code OutboxStatus.UNKNOWN}.
 */
public final class ChatformaDispatches implements OutboxKind {
    /** The id and endpoints of the outbox of the source named {@code chatforma}; another source's carry its name. */
    public static final String ID = "chatforma.dispatch_broadcast";
    /** Body {@code Map {botId, segmentId, content, runAt?}}; replies with the row as a Map. */
    public static final String SEND = "direct:chatforma-dispatch";
    /** Drains once; replies with a {@code DrainResult}. */
    public static final String DRAIN = "direct:chatforma-outbox-drain";
    static final String BOT_ID = "bot_id";
    static final String SEGMENT_ID = "segment_id";
    static final String CONTENT = "content";
    static final String RUN_AT = "run_at";
    static final String RESPONSE_ID = "response_id";

    private final SourceConfig source;

    ChatformaDispatches(SourceConfig source) {
        this.source = source;
    }

    @Override
    public String id() {
        return source.name() + ".dispatch_broadcast";
    }

    @Override
    public String apiName() {
        return "Chatforma";
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
        return "outbox_dispatches";
    }

    @Override
    public List<Column> columns() {
        return List.of(new Column(BOT_ID, DataType.BIGINT), new Column(SEGMENT_ID, DataType.BIGINT),
                new Column(CONTENT, DataType.TEXT), new Column(RUN_AT, DataType.TIMESTAMP));
    }

    @Override
    public String responseIdColumn() {
        return RESPONSE_ID;
    }

    @Override
    public String dueColumn() {
        return RUN_AT;
    }

    @Override
    public boolean idempotent() {
        return false;
    }

    @Override
    public Map<String, Object> claimDefaults(OutboxRow row) {
        return Map.of();
    }

    @Override
    public String problem(OutboxRow row) {
        for (String column : List.of(BOT_ID, SEGMENT_ID)) {
            if (row.number(column) == null) {
                return column + " is empty";
            }
        }
        return row.text(CONTENT) == null ? CONTENT + " is empty" : null;
    }

    @Override
    public HttpCall call(OutboxRow row) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("content", row.text(CONTENT));
        return new HttpCall("/bots/" + row.number(BOT_ID) + "/segments/" + row.number(SEGMENT_ID) + "/dispatch", body);
    }

    /** The dispatch object's {@code id}, also when wrapped in {@code data} or {@code result}. */
    @Override
    public String responseId(Object answer) {
        if (!(answer instanceof Map<?, ?> map)) {
            return null;
        }
        if (map.get("id") != null) {
            return map.get("id").toString();
        }
        for (String wrapper : List.of("data", "result")) {
            if (map.get(wrapper) instanceof Map<?, ?> inner && inner.get("id") != null) {
                return inner.get("id").toString();
            }
        }
        return null;
    }

    /** {@code {botId, segmentId, content, runAt?}}; segmentId 0 means all the bot's users, so it is never implied. */
    @Override
    public Map<String, Object> fromRequest(Map<?, ?> body) {
        RequestFields fields = new RequestFields(sendEndpoint(), body);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(BOT_ID, fields.requiredInteger("botId"));
        values.put(SEGMENT_ID, fields.requiredInteger("segmentId"));
        values.put(CONTENT, fields.requiredText("content"));
        values.put(RUN_AT, fields.timestamp("runAt"));
        return values;
    }

    @Override
    public String sendEndpoint() {
        return "direct:" + source.name() + "-dispatch";
    }

    @Override
    public String drainEndpoint() {
        return "direct:" + source.name() + "-outbox-drain";
    }
}
