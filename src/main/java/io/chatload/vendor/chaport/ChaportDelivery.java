package io.chatload.vendor.chaport;

import io.chatload.webhook.BadDeliveryException;
import io.chatload.webhook.DeliveryBodies;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Chaport webhook delivery: {@code {"event": "chat.started", "extras": {"visitorId": ..., "chatId": 42}}}
 * (shared/api/chaport.md, section 5). Read leniently where the public material is unsure: {@code chatId} as a number
 * or a numeric string, the ids also at the top level, or else from {@code link}
 * ({@code /api/v1/visitors/{visitorId}/chats/{chatId}}, absolute or not).
 */
record ChaportDelivery(String event, String visitorId, long chatId) {

    static final Set<String> EVENTS = Set.of("chat.started", "chat.finished");
    /** Visitor ids go into a request path: only the characters ids are made of. */
    private static final Pattern VISITOR_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern LINK = Pattern.compile("/visitors/([^/?#]+)/chats/([0-9]+)/?(?:[?#].*)?$");

    static ChaportDelivery parse(Map<String, Object> body) throws BadDeliveryException {
        Object event = body.get("event");
        if (!(event instanceof String name)) {
            throw new BadDeliveryException(event == null ? "no 'event' in the body (expected chat.started or chat.finished)"
                    : "'event' is not a string");
        }
        if (!EVENTS.contains(name)) {
            throw new BadDeliveryException("unknown event '" + DeliveryBodies.quote(name)
                    + "' (chatload handles chat.started and chat.finished)");
        }
        Object visitor = null;
        Object chat = null;
        if (body.get("extras") instanceof Map<?, ?> extras) {
            visitor = extras.get("visitorId");
            chat = extras.get("chatId");
        }
        visitor = visitor == null ? body.get("visitorId") : visitor;
        chat = chat == null ? body.get("chatId") : chat;
        if ((visitor == null || chat == null) && body.get("link") instanceof String link) {
            Matcher m = LINK.matcher(link);
            if (m.find()) {
                visitor = visitor == null ? m.group(1) : visitor;
                chat = chat == null ? m.group(2) : chat;
            }
        }
        if (visitor == null || chat == null) {
            throw new BadDeliveryException(name + " names no chat: expected extras.visitorId and extras.chatId");
        }
        if (!(visitor instanceof String id) || !VISITOR_ID.matcher(id).matches()) {
            throw new BadDeliveryException(name + ": extras.visitorId '" + DeliveryBodies.quote(visitor)
                    + "' is not a visitor id");
        }
        return new ChaportDelivery(name, id, chatId(name, chat));
    }

    private static long chatId(String event, Object chat) throws BadDeliveryException {
        try {
            BigInteger id = chat instanceof String s ? new BigInteger(s.trim())
                    : chat instanceof Integer || chat instanceof Long || chat instanceof BigInteger ? new BigInteger(chat.toString())
                    : chat instanceof Number n ? new BigDecimal(n.toString()).toBigIntegerExact()
                    : null;
            if (id != null && id.signum() > 0 && id.bitLength() < 63) {
                return id.longValueExact();
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        throw new BadDeliveryException(event + ": extras.chatId '" + DeliveryBodies.quote(chat) + "' is not a chat id "
                + "(a positive whole number)");
    }

    /** What deliveries of the same chat share: they all mean "fetch this chat again". */
    String chatKey() {
        return visitorId + "/" + chatId;
    }
}
