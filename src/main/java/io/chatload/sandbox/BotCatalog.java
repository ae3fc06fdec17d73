package io.chatload.sandbox;

import java.util.List;
import java.util.Map;

/**
 * What a Chatforma bot's owner set up: its forms ({@code id} a 10-letter string, {@code name}), segments ({@code id}
 * a numeric string, {@code name}) and predefined messages ({@code id} an integer, {@code name}), each in creation
 * order.
 */
record BotCatalog(List<Map<String, Object>> forms, List<Map<String, Object>> segments,
                  List<Map<String, Object>> messages) {

    /** Segment 0 means all the bot's users, whether or not the bot has segments. */
    boolean hasSegment(int segmentId) {
        String id = String.valueOf(segmentId);
        return segmentId == 0 || segments.stream().anyMatch(segment -> segment.get("id").equals(id));
    }
}
