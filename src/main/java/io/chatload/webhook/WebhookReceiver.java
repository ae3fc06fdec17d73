package io.chatload.webhook;

import java.util.Map;

/**
 * What a vendor's webhook receiver does beyond what every receiver shares. The core serves
 * {@code POST /webhooks/<source>/{secret}} (route {@code <source>.webhook}): it checks the secret (404, summarised in
 * the log), parses the body as one JSON object (400) and hands it to {@link #receive}; when the source's
 * {@code webhook.public-url} is set, a timer (route {@code <source>.webhook_subscriptions}) calls {@link #subscribe}.
 * A vendor plug-in makes one receiver per source; {@link #open} comes before the first delivery.
 */
public interface WebhookReceiver {

    /**
     * Why the receiver calls the API whether or not it manages subscriptions, so that an enabled receiver needs the
     * source's credential (e.g. "the receiver fetches each delivered chat with it"); null when it does not.
     */
    default String credentialNeededBecause() {
        return null;
    }

    /** As the receiver's routes are added to the CamelContext: make its pools, bind what tests and hosts look up. */
    default void open(WebhookContext context) {
    }

    /** Once the CamelContext fully started (the routes folder is loaded): checks that need the resources. */
    default void started(WebhookContext context) {
    }

    /**
     * Handles a delivery that carried the right secret.
     *
     * @param body the delivery's JSON object
     * @throws BadDeliveryException the body is not a delivery this receiver handles: answered 400 with its message
     */
    Reply receive(Map<String, Object> body) throws BadDeliveryException;

    /**
     * Makes sure the API delivers to {@link WebhookSettings.Receiver#targetUrl()}, creating only what is missing so
     * that repeated checks create no duplicates. A failure is one WARN line; the next check comes a period later.
     */
    void subscribe(WebhookContext context) throws Exception;
}
