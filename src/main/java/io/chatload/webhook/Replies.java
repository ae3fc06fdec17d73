package io.chatload.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The receivers' answers: a status and a small JSON body, and none of the request's headers echoed back. */
final class Replies {

    private Replies() {
    }

    static void reply(Exchange exchange, int status, String json) {
        Message message = exchange.getMessage();
        // the request's headers would otherwise go back as response headers, the secret path parameter among them
        message.removeHeaders("*");
        message.setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        message.setHeader(Exchange.CONTENT_TYPE, "application/json");
        message.setBody(json);
    }

    /**
     * Takes the secret path parameter off the message, and with it every header that repeats the request's path, so
     * that nothing downstream (an error handler's log, a trace) can show it.
     */
    static String takeSecret(Exchange exchange) {
        Message message = exchange.getMessage();
        String secret = message.getHeader(WebhookRoutes.SECRET_PARAM, String.class);
        message.removeHeader(WebhookRoutes.SECRET_PARAM);
        message.removeHeaders("CamelHttp(Uri|Url|Path|RawQuery|Query)");
        return secret;
    }

    static void notFound(Exchange exchange) {
        reply(exchange, 404, "{\"error\":\"not found\"}");
    }

    static void badRequest(Exchange exchange, String reason) {
        reply(exchange, 400, "{\"error\":\"" + reason.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }
}
