package io.chatload.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every receiver shares, whatever its vendor: a wrong secret is 404 and reaches no receiver, a body that is not
 * a JSON object or not a delivery the receiver handles 400, and a good delivery gets the receiver's reply without
 * the request's headers.
 */
class DeliveryEndpointTest {

    private static final String SECRET = "a-secret-of-the-acme-receiver-0123";

    private final DefaultCamelContext camel = new DefaultCamelContext();
    /** The bodies the vendor's receiver was given. */
    private final List<Map<String, Object>> received = new ArrayList<>();
    private final DeliveryEndpoint endpoint = new DeliveryEndpoint(
            new WebhookSettings.Receiver("acme", true, WebhookSecret.of("k", SECRET), null), new WebhookReceiver() {
                @Override
                public Reply receive(Map<String, Object> body) throws BadDeliveryException {
                    if (!body.containsKey("event")) {
                        throw new BadDeliveryException("no 'event' in the body");
                    }
                    received.add(body);
                    return new Reply(202, "{\"status\":\"accepted\"}");
                }

                @Override
                public void subscribe(WebhookContext context) {
                }
            });

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    @Test
    void aGoodDeliveryGetsTheReceiversReplyAndNoHeaderOfTheRequest() throws Exception {
        Exchange exchange = post(SECRET, "{\"event\":\"ticket.created\"}");
        assertEquals(202, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("{\"status\":\"accepted\"}", exchange.getMessage().getBody(String.class));
        assertNull(exchange.getMessage().getHeader("X-Request"));
        assertNull(exchange.getMessage().getHeader(WebhookRoutes.SECRET_PARAM));
        assertEquals(List.of(Map.of("event", "ticket.created")), received);
    }

    @Test
    void aWrongSecretIsNotFoundAndReachesNoReceiver() throws Exception {
        Exchange exchange = post(SECRET + "x", "{\"event\":\"ticket.created\"}");
        assertEquals(404, exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals(List.of(), received);
    }

    @Test
    void aBodyTheReceiverCannotUseIsABadRequestSayingWhy() throws Exception {
        assertEquals("{\"error\":\"no 'event' in the body\"}", post(SECRET, "{\"id\":1}").getMessage().getBody(String.class));
        Exchange notJson = post(SECRET, "[1, 2]");
        assertEquals(400, notJson.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE));
        assertEquals("{\"error\":\"the body is JSON but not an object\"}", notJson.getMessage().getBody(String.class));
        assertEquals(List.of(), received);
    }

    private Exchange post(String secret, String body) throws Exception {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(WebhookRoutes.SECRET_PARAM, secret);
        exchange.getMessage().setHeader("X-Request", "echo me not");
        exchange.getMessage().setBody(body.getBytes(StandardCharsets.UTF_8));
        endpoint.process(exchange);
        return exchange;
    }
}
