package io.chatload.webhook;

import io.chatload.load.SchemaContractException;
import io.chatload.text.PrintableText;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/chatforma/{secret}}: a form completion, stored before it is answered 200 (the delivery holds
 * all there is, nothing to fetch); a wrong secret is answered 404, a body that is not a form completion 400, a test
 * delivery ({@code "test": true}) 200 without storing it, a body the tables' schema contract refuses 400, and a failed
 * write 503 so that the sender tries again.
 */
final class ChatformaReceiver implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final WebhookSecret secret;
    private final Refusals refusals = Refusals.logged("chatforma");
    private final FormSubmissions submissions;

    ChatformaReceiver(WebhookSecret secret, FormSubmissions submissions) {
        this.secret = secret;
        this.submissions = submissions;
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> record = Replies.admit(exchange, secret, refusals, FormSubmissions::record);
        if (record == null) {
            return;
        }
        if (record.isEmpty()) {
            LOG.info("chatforma webhook: a test delivery, not stored");
            Replies.reply(exchange, 200, "{\"status\":\"test delivery, not stored\"}");
            return;
        }
        String what = "chatforma webhook: bot " + record.get("botId") + " form " + DeliveryBodies.quote(record.get("formId"))
                + " user " + record.get("botUserId");
        try {
            Map<String, Long> rows = submissions.store(record);
            LOG.info("{}: stored {}", what, rows);
            Replies.reply(exchange, 200, "{\"status\":\"stored\"}");
        } catch (SchemaContractException e) {
            // delivering it again cannot change the answer
            LOG.warn("{}: not stored, answered 400: {}", what, e.getMessage());
            Replies.reply(exchange, 400, "{\"error\":\"not stored: the body does not fit the form_submissions tables\"}");
        } catch (Exception e) {
            LOG.warn("{}: not stored, answered 503 so that it is delivered again: {}", what,
                    PrintableText.escape(e.getMessage()));
            Replies.reply(exchange, 503, "{\"error\":\"not stored, deliver again later\"}");
        }
    }
}
