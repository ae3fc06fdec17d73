package io.chatload.sandbox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serves Chatforma lists in the configured envelope: a bare array, or {@code {"data":[...],"meta":{"page",
 * "per_page","total"}}}. Unpaged lists come whole, as page 1 of one page.
 */
final class ChatformaLists {
    private final ChatformaSwitches switches;

    ChatformaLists(ChatformaSwitches switches) {
        this.switches = switches;
    }

    /** The page the request asks for, of a list read once so that every page is cut from the same snapshot. */
    Response page(List<Map<String, Object>> all, ApiRequest request) {
        PageRequest page = PageRequest.of(request.query(), switches);
        return wrap(page.slice(all), page.page(), page.perPage(), all.size());
    }

    Response whole(List<Map<String, Object>> all) {
        return wrap(all, 1, all.size(), all.size());
    }

    private Response wrap(List<Map<String, Object>> rows, int page, int perPage, int total) {
        if (switches.envelope() == ChatformaEnvelope.BARE) {
            return Response.ok(rows);
        }
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("page", page);
        meta.put("per_page", perPage);
        meta.put("total", total);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", rows);
        body.put("meta", meta);
        return Response.ok(body);
    }
}
