package io.chatload.webhook;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.engine.Runs;
import io.chatload.load.Destination;
import io.chatload.routes.ResourceCatalog;
import io.chatload.text.PrintableText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook receivers on Camel's embedded HTTP server (platform-http): {@code POST /webhooks/<source>/{secret}} for
 * each source whose vendor plug-in makes a {@link WebhookReceiver} and whose {@code chatload.<source>.webhook.enabled}
 * is true, and, for each receiver with a public URL, a timer that keeps its subscriptions in place. Only {@code run}
 * serves them: {@code run --once} and {@code demo} end before any delivery could come.
 */
public final class WebhookRoutes extends RouteBuilder {

    /** The path parameter that carries the secret; removed from the message as soon as it is checked. */
    static final String SECRET_PARAM = "secret";

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final WebhookSettings settings;
    private final Map<String, WebhookReceiver> receivers;
    private final ChatloadConfig config;
    private final ResourceCatalog catalog;
    private final Destination destination;
    private final Runs runs;

    private WebhookRoutes(WebhookSettings settings, Map<String, WebhookReceiver> receivers, ChatloadConfig config,
                          ResourceCatalog catalog, Destination destination, Runs runs) {
        this.settings = settings;
        this.receivers = receivers;
        this.config = config;
        this.catalog = catalog;
        this.destination = destination;
        this.runs = runs;
    }

    /**
     * Adds the enabled receivers to {@code main} (of {@code run}), with Camel's HTTP server on
     * {@code chatload.webhook.host}:{@code chatload.webhook.port}; does nothing when none is enabled. The engine masks
     * the secrets in every record it writes whether or not a receiver runs ({@link SecretMasking}).
     *
     * @param receivers by source: a receiver for each source whose vendor has one, enabled or not
     * @throws ConfigException when a receiver is enabled without a usable secret, or without the source's credential
     *                         where it needs it
     */
    public static void install(Main main, ChatloadConfig config, ResourceCatalog catalog, Destination destination,
                               Runs runs, Map<String, WebhookReceiver> receivers) {
        WebhookSettings settings = WebhookSettings.from(config, receivers.keySet());
        if (!settings.anyEnabled()) {
            return;
        }
        Map<String, WebhookReceiver> enabled = new LinkedHashMap<>();
        for (WebhookSettings.Receiver receiver : settings.receivers()) {
            if (receiver.enabled()) {
                requireCredential(config, receiver, receivers.get(receiver.source()));
                enabled.put(receiver.source(), receivers.get(receiver.source()));
            }
        }
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.host", settings.host());
        main.addOverrideProperty("camel.server.port", Integer.toString(settings.port()));
        main.addOverrideProperty("camel.server.max-body-size", Long.toString(1024 * 1024));
        main.configure().addRoutesBuilder(new WebhookRoutes(settings, enabled, config, catalog, destination, runs));
    }

    private static void requireCredential(ChatloadConfig config, WebhookSettings.Receiver settings,
                                          WebhookReceiver receiver) {
        String source = settings.source();
        String because = receiver.credentialNeededBecause();
        if (because != null && !config.source(source).enabled()) {
            throw new ConfigException("chatload." + source + ".webhook.enabled is true but "
                    + config.source(source).credentialProperty() + " is not set: " + because);
        }
        if (settings.publicUrl() != null && !config.source(source).enabled()) {
            throw new ConfigException("chatload." + source + ".webhook.public-url is set but "
                    + config.source(source).credentialProperty() + " is not set: subscribing needs it");
        }
    }

    /** {@code /webhooks/<source>}: where a source's receiver listens, below the public URL. */
    static String path(String source) {
        return "/webhooks/" + source;
    }

    @Override
    public void configure() throws Exception {
        CamelContext camel = getCamelContext();
        from(ApiCalls.ROUTE).routeId("chatload-webhook-api")
                // a failure goes back to the caller as one line; an error handler would log the body, URL secret and all
                .errorHandler(noErrorHandler())
                .toD("${exchangeProperty." + ApiCalls.COMPONENT + "}://api?throwExceptionOnFailure=false");
        SecretMasking masking = SecretMasking.from(config, settings.receivers().stream()
                .map(WebhookSettings.Receiver::source).toList());
        List<WebhookContext> contexts = new ArrayList<>();
        for (Map.Entry<String, WebhookReceiver> entry : receivers.entrySet()) {
            String source = entry.getKey();
            WebhookReceiver receiver = entry.getValue();
            WebhookSettings.Receiver own = settings.receiver(source);
            WebhookContext context = new WebhookContext(own, settings, config, catalog, destination, runs, masking, camel);
            contexts.add(context);
            receiver.open(context);
            from("platform-http:" + path(source) + "/{" + SECRET_PARAM + "}?httpMethodRestrict=POST")
                    .routeId(source + ".webhook")
                    .process(new DeliveryEndpoint(own, receiver));
            if (own.publicUrl() != null) {
                from("timer:" + source + "-webhook-subscriptions?delay=500&period=" + settings.checkEveryMs())
                        .routeId(source + ".webhook_subscriptions")
                        .process(exchange -> checkSubscriptions(receiver, context));
            }
        }
        // the routes folder is loaded by then: checks of the resources a receiver runs, and warming up
        camel.addStartupListener(new ExtendedStartupListener() {
            @Override
            public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
            }

            @Override
            public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) {
                for (WebhookContext context : contexts) {
                    receivers.get(context.source()).started(context);
                }
            }
        });
        LOG.info("webhooks: listening on {}:{} for {}", settings.host(), settings.port(),
                String.join(" and ", receivers.keySet().stream()
                        .map(source -> "POST " + path(source) + "/" + WebhookSecret.MASK).toList()));
    }

    /** A failed check is one line; the next one comes at the next period, and the receiver serves meanwhile. */
    private static void checkSubscriptions(WebhookReceiver receiver, WebhookContext context) {
        try {
            receiver.subscribe(context);
        } catch (Exception e) {
            LOG.warn("{} webhooks: the subscriptions could not be checked, trying again later: {}", context.source(),
                    PrintableText.escape(e.getMessage()));
        }
    }
}
