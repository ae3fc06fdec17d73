package io.chatload.webhook;

import io.chatload.text.PrintableText;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * Parses a delivery's body: one JSON object, without duplicate keys or deep nesting, whose quoted values are cut
 * short and stripped of control characters before they reach a log line.
 */
public final class DeliveryBodies {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(32).maxStringLength(1_000_000).maxNumberLength(100).build());
    }

    private DeliveryBodies() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(byte[] body) throws BadDeliveryException {
        if (body == null || body.length == 0) {
            throw new BadDeliveryException("the body is empty, not a JSON object");
        }
        Object parsed;
        try {
            parsed = JSON.readValue(body, Object.class);
        } catch (JacksonException e) {
            String reason = e.getOriginalMessage() == null ? e.getClass().getSimpleName() : e.getOriginalMessage();
            throw new BadDeliveryException("the body is not valid JSON (" + quote(reason.lines().findFirst().orElse(reason)) + ")", e);
        } catch (java.io.IOException e) {
            throw new BadDeliveryException("the body could not be read", e);
        }
        if (!(parsed instanceof Map)) {
            throw new BadDeliveryException("the body is JSON but not an object");
        }
        return (Map<String, Object>) parsed;
    }

    /** A value from the body made safe for one log line: printable, at most 60 characters. */
    public static String quote(Object value) {
        String text = PrintableText.escape(String.valueOf(value));
        return text.length() > 60 ? text.substring(0, 57) + "..." : text;
    }
}
