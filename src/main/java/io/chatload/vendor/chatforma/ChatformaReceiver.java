package io.chatload.vendor.chatforma;

import io.chatload.load.SchemaContractException;
import io.chatload.text.PrintableText;
import io.chatload.webhook.BadDeliveryException;
import io.chatload.webhook.DeliveryBodies;
import io.chatload.webhook.Reply;
import io.chatload.webhook.WebhookContext;
import io.chatload.webhook.WebhookReceiver;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chatforma's form completions: stored before they are answered 200 (the delivery holds all there is, nothing to
 * fetch); a body that is not a form completion is answered 400, a test delivery ({@code "test": true}) 200 without
 * storing it, a body the tables' schema contract refuses 400, and a failed write 503 so that the sender tries again.
 */
final class ChatformaReceiver implements WebhookReceiver {

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private String source;
    private FormSubmissions submissions;
    private ChatformaSubscriptions subscriptions;

    @Override
    public void open(WebhookContext context) {
        source = context.source();
        submissions = new FormSubmissions(source, context.destination(), context.schema(), context.masking(),
                context.naming());
        subscriptions = new ChatformaSubscriptions(context.receiver());
    }

    @Override
    public Reply receive(Map<String, Object> body) throws BadDeliveryException {
        Map<String, Object> record = FormSubmissions.record(body);
        if (record.isEmpty()) {
            LOG.info("{} webhook: a test delivery, not stored", source);
            return new Reply(200, "{\"status\":\"test delivery, not stored\"}");
        }
        String what = source + " webhook: bot " + record.get("botId") + " form "
                + DeliveryBodies.quote(record.get("formId")) + " user " + record.get("botUserId");
        try {
            Map<String, Long> rows = submissions.store(record);
            LOG.info("{}: stored {}", what, rows);
            return new Reply(200, "{\"status\":\"stored\"}");
        } catch (SchemaContractException e) {
            // delivering it again cannot change the answer
            LOG.warn("{}: not stored, answered 400: {}", what, e.getMessage());
            return new Reply(400, "{\"error\":\"not stored: the body does not fit the form_submissions tables\"}");
        } catch (Exception e) {
            LOG.warn("{}: not stored, answered 503 so that it is delivered again: {}", what,
                    PrintableText.escape(e.getMessage()));
            return new Reply(503, "{\"error\":\"not stored, deliver again later\"}");
        }
    }

    @Override
    public void subscribe(WebhookContext context) throws Exception {
        subscriptions.ensure(context.api());
    }
}
