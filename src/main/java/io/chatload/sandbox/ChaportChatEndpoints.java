package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A visitor's chats. {@code GET /visitors/{id}/chats} serves the latest chat as {@code result} and the URLs of the
 * older ones, newest first, as {@code links.more} (omitted when there are none); a visitor without chats gets
 * {@code {"result": null}}, as an empty "current chat" reads most naturally. {@code GET /visitors/{id}/chats/{chatId}}
 * serves one chat and {@code .../events} its events in chronological order.
 */
final class ChaportChatEndpoints {
    /** The chat id in a foreign link; no chat has it, and it is not in the truth. */
    static final int FOREIGN_CHAT_ID = 999_999;

    private final ChaportAccount account;
    private final Links links;
    private final String foreignLinkHost;

    /** @param foreignLinkHost a base URL some {@code links.more} lists point into, or null for none */
    ChaportChatEndpoints(ChaportAccount account, Links links, String foreignLinkHost) {
        this.account = account;
        this.links = links;
        this.foreignLinkHost = foreignLinkHost;
    }

    Response latest(ApiRequest request) {
        String visitorId = knownVisitor(request);
        List<Map<String, Object>> chats = account.chats(visitorId);
        if (chats.isEmpty()) {
            return Response.ok(ChaportApi.result(null));
        }
        Map<String, Object> body = ChaportApi.result(chats.get(0));
        List<String> more = new ArrayList<>();
        for (Map<String, Object> older : chats.subList(1, chats.size())) {
            more.add(links.to(chatPath(visitorId, older.get("id"))));
        }
        if (foreignLinkHost != null && !more.isEmpty() && Math.floorMod(visitorId.hashCode(), 5) == 0) {
            // second, not last: a loader that stops at the refused link misses the chats after it
            more.add(1, foreignLinkHost + chatPath(visitorId, FOREIGN_CHAT_ID));
        }
        if (!more.isEmpty()) {
            body.put("links", Map.of("more", List.copyOf(more)));
        }
        return Response.ok(body);
    }

    Response chat(ApiRequest request) {
        return Response.ok(ChaportApi.result(knownChat(request)));
    }

    Response events(ApiRequest request) {
        return Response.ok(ChaportApi.result(knownChat(request).get("events")));
    }

    private String knownVisitor(ApiRequest request) {
        String visitorId = request.pathParam("id");
        if (account.visitor(visitorId) == null) {
            throw ApiException.notFound("Visitor not found");
        }
        return visitorId;
    }

    private Map<String, Object> knownChat(ApiRequest request) {
        String visitorId = knownVisitor(request);
        Map<String, Object> chat;
        try {
            chat = account.chat(visitorId, Integer.parseInt(request.pathParam("chatId")));
        } catch (NumberFormatException e) {
            chat = null;
        }
        if (chat == null) {
            throw ApiException.notFound("Chat not found");
        }
        return chat;
    }

    private static String chatPath(String visitorId, Object chatId) {
        return ChaportApi.PREFIX + "/visitors/" + visitorId + "/chats/" + chatId;
    }
}
