package io.chatload.webhook;

import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** The receivers' answers: a status and a small JSON body, and none of the request's headers echoed back. */
final class Replies {

    /** Reads a delivery's JSON body into what its receiver handles. */
    @FunctionalInterface
    interface Reader<T> {
        T read(Map<String, Object> body) throws BadDeliveryException;
    }

    private Replies() {
    }

    /**
     * What every receiver does first: a wrong secret is answered 404, a body that is not JSON or not a delivery of
     * the receiver's kind 400, each logged ({@link Refusals}); returns null after such an answer, else the delivery read.
     */
    static <T> T admit(Exchange exchange, WebhookSecret secret, Refusals refusals, Reader<T> reader) {
        if (!secret.matches(takeSecret(exchange))) {
            refusals.wrongSecret();
            notFound(exchange);
            return null;
        }
        try {
            return reader.read(DeliveryBodies.parse(exchange.getMessage().getBody(byte[].class)));
        } catch (BadDeliveryException e) {
            refusals.badDelivery(e.getMessage());
            badRequest(exchange, e.getMessage());
            return null;
        }
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
