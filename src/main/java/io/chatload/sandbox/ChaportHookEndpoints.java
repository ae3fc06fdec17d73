package io.chatload.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Map;

/**
 * Webhook subscriptions under {@code /events/subscriptions}: list, create ({@code targetUrl} and {@code event}
 * required, {@code essential} optional, false by default), get, update the fields given, delete.
 */
final class ChaportHookEndpoints {
    private final HookStore hooks;

    ChaportHookEndpoints(HookStore hooks) {
        this.hooks = hooks;
    }

    Response list(ApiRequest request) {
        return Response.ok(ChaportApi.result(hooks.list()));
    }

    Response create(ApiRequest request) {
        RequestBody body = request.jsonBody();
        String targetUrl = targetUrl(body);
        String event = body.text("event");
        boolean essential = body.has("essential") && body.bool("essential");
        return Response.ok(ChaportApi.result(hooks.create(event, targetUrl, essential)));
    }

    Response get(ApiRequest request) {
        return Response.ok(ChaportApi.result(known(request)));
    }

    Response update(ApiRequest request) {
        String id = (String) known(request).get("id");
        RequestBody body = request.jsonBody();
        Map<String, Object> hook = hooks.update(id,
                body.has("event") ? body.text("event") : null,
                body.has("targetUrl") ? targetUrl(body) : null,
                body.has("essential") ? body.bool("essential") : null);
        if (hook == null) {
            throw notFound();
        }
        return Response.ok(ChaportApi.result(hook));
    }

    Response delete(ApiRequest request) {
        if (!hooks.delete(request.pathParam("id"))) {
            throw notFound();
        }
        return Response.ok(ChaportApi.result(true));
    }

    private Map<String, Object> known(ApiRequest request) {
        Map<String, Object> hook = hooks.get(request.pathParam("id"));
        if (hook == null) {
            throw notFound();
        }
        return hook;
    }

    /** Chaport must be able to call the target, so it has to be an absolute http(s) URL. */
    private static String targetUrl(RequestBody body) {
        String url = body.text("targetUrl");
        try {
            URI uri = new URI(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException e) {
            // reported below like any other unusable URL
        }
        throw ApiException.badRequest("targetUrl must be an absolute http(s) URL, got '" + url + "'");
    }

    private static ApiException notFound() {
        return ApiException.notFound("Subscription not found");
    }
}
