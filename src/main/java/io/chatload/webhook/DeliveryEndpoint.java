package io.chatload.webhook;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.Service;

/**
 * {@code POST /webhooks/<source>/{secret}}, what every receiver does first: a wrong secret is answered 404 and
 * nothing else happens; a body that is not one JSON object, or not a delivery the receiver handles, 400; each logged
 * ({@link Refusals}). A delivery that passes goes to the vendor's {@link WebhookReceiver}, whose {@link Reply} is the
 * answer. As a service of its route, it writes the refusals not yet counted in a line when the route stops.
 */
final class DeliveryEndpoint implements Processor, Service {

    private final WebhookSecret secret;
    private final Refusals refusals;
    private final WebhookReceiver receiver;

    DeliveryEndpoint(WebhookSettings.Receiver settings, WebhookReceiver receiver) {
        this.secret = settings.secret();
        this.refusals = Refusals.logged(settings.source());
        this.receiver = receiver;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
        refusals.flush();
    }

    @Override
    public void process(Exchange exchange) {
        if (!secret.matches(Replies.takeSecret(exchange))) {
            refusals.wrongSecret();
            Replies.notFound(exchange);
            return;
        }
        Reply reply;
        try {
            reply = receiver.receive(DeliveryBodies.parse(exchange.getMessage().getBody(byte[].class)));
        } catch (BadDeliveryException e) {
            refusals.badDelivery(e.getMessage());
            Replies.badRequest(exchange, e.getMessage());
            return;
        }
        Replies.reply(exchange, reply.status(), reply.json());
    }
}
