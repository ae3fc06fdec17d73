package io.chatload.sandbox;

/**
 * The lists Chatforma serves per bot. Users ({@code ?deleted=1} for the deleted ones), open dialogs (most recent
 * message first) and a dialog's messages (newest first, our guess at the unknown order) are paged; forms, segments
 * and predefined messages come whole. An unknown bot or dialog is a 404.
 */
final class ChatformaBotEndpoints {
    private final ChatformaAccount account;
    private final ChatformaLists lists;

    ChatformaBotEndpoints(ChatformaAccount account, ChatformaLists lists) {
        this.account = account;
        this.lists = lists;
    }

    Response users(ApiRequest request) {
        boolean deleted = deletedFlag(request.query().get("deleted"));
        return lists.page(account.users(knownBot(request.pathParam("botId")), deleted), request);
    }

    Response dialogs(ApiRequest request) {
        return lists.page(account.dialogs(knownBot(request.pathParam("botId"))), request);
    }

    Response dialogMessages(ApiRequest request) {
        int botId = knownBot(request.pathParam("botId"));
        Dialog dialog = account.dialog(botId, id(request.pathParam("botUserId")));
        if (dialog == null) {
            throw ChatformaApi.notFound();
        }
        return lists.page(dialog.messages(), request);
    }

    /** {@code GET /forms?botId=}: the documented path, with the bot as a required query parameter. */
    Response formsByQuery(ApiRequest request) {
        String botId = request.query().get("botId");
        if (botId == null || botId.isEmpty()) {
            throw ApiException.badRequest("botId is required");
        }
        return lists.whole(account.catalog(knownBot(botId)).forms());
    }

    Response forms(ApiRequest request) {
        return lists.whole(account.catalog(knownBot(request.pathParam("botId"))).forms());
    }

    Response segments(ApiRequest request) {
        return lists.whole(account.catalog(knownBot(request.pathParam("botId"))).segments());
    }

    Response messages(ApiRequest request) {
        return lists.whole(account.catalog(knownBot(request.pathParam("botId"))).messages());
    }

    private int knownBot(String botId) {
        int id = id(botId);
        if (!account.hasBot(id)) {
            throw ChatformaApi.notFound();
        }
        return id;
    }

    /** An id that is not a number names nothing, so it is a 404 like any unknown id. */
    static int id(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ChatformaApi.notFound();
        }
    }

    private static boolean deletedFlag(String value) {
        if (value == null || value.equals("0") || value.equals("false")) {
            return false;
        }
        if (value.equals("1") || value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("deleted must be 1 or 0, got '" + value + "'");
    }
}
