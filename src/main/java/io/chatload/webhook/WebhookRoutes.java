package io.chatload.webhook;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.engine.Runs;
import io.chatload.load.Destination;
import io.chatload.load.naming.Naming;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import io.chatload.routes.SourceDefaults;
import io.chatload.text.PrintableText;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook receivers on Camel's embedded HTTP server (platform-http): {@code POST /webhooks/chaport/{secret}}
 * for Chaport's chat.started and chat.finished, {@code POST /webhooks/chatforma/{secret}} for Chatforma's form
 * completions, and, for each receiver with a public URL, a timer that keeps its subscriptions in place. Only
 * {@code run} serves them: {@code run --once} and {@code demo} end before any delivery could come.
 */
public final class WebhookRoutes extends RouteBuilder {

    /** The path parameter that carries the secret; removed from the message as soon as it is checked. */
    static final String SECRET_PARAM = "secret";

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final WebhookSettings settings;
    private final ResourceCatalog catalog;
    private final Destination destination;
    private final ChatloadConfig config;
    private final ChatFetches fetches;

    private WebhookRoutes(WebhookSettings settings, ChatloadConfig config, ResourceCatalog catalog, Destination destination,
                          Runs runs) {
        this.settings = settings;
        this.config = config;
        this.catalog = catalog;
        this.destination = destination;
        this.fetches = new ChatFetches(catalog, destination, runs, settings.chatsResource(), settings.concurrency(),
                settings.maxPending());
    }

    /**
     * Adds the receivers to {@code main} (of {@code run}) when at least one is enabled, with Camel's HTTP server
     * on {@code chatload.webhook.host}:{@code chatload.webhook.port}; otherwise does nothing. The engine masks the
     * secrets in every record it writes whether or not a receiver runs ({@link SecretMasking}).
     *
     * @throws ConfigException when a receiver is enabled without a usable secret, or Chaport's without its token
     */
    public static void install(Main main, ChatloadConfig config, ResourceCatalog catalog, Destination destination,
                               Runs runs) {
        WebhookSettings settings = WebhookSettings.from(config);
        if (!settings.anyEnabled()) {
            return;
        }
        if (settings.chaport().enabled() && !config.source("chaport").enabled()) {
            throw new ConfigException("chatload.chaport.webhook.enabled is true but " + config.source("chaport").credentialProperty()
                    + " is not set: the receiver fetches each delivered chat with it");
        }
        if (settings.chatforma().publicUrl() != null && !config.source("chatforma").enabled()) {
            throw new ConfigException("chatload.chatforma.webhook.public-url is set but "
                    + config.source("chatforma").credentialProperty() + " is not set: subscribing needs it");
        }
        main.addOverrideProperty("camel.server.enabled", "true");
        main.addOverrideProperty("camel.server.host", settings.host());
        main.addOverrideProperty("camel.server.port", Integer.toString(settings.port()));
        main.addOverrideProperty("camel.server.max-body-size", Long.toString(1024 * 1024));
        main.configure().addRoutesBuilder(new WebhookRoutes(settings, config, catalog, destination, runs));
    }

    /** {@code /webhooks/<source>}: where a source's receiver listens, below the public URL. */
    static String path(String source) {
        return "/webhooks/" + source;
    }

    @Override
    public void configure() throws Exception {
        CamelContext context = getCamelContext();
        context.getRegistry().bind("chatloadChaportWebhookFetches", fetches);
        from(ApiCalls.ROUTE).routeId("chatload-webhook-api")
                // a failure goes back to the caller as one line; an error handler would log the body, URL secret and all
                .errorHandler(noErrorHandler())
                .toD("${exchangeProperty." + ApiCalls.COMPONENT + "}://api?throwExceptionOnFailure=false");
        WebhookSettings.Receiver chaport = settings.chaport();
        if (chaport.enabled()) {
            fetches.start(context);
            // the routes folder is loaded by then: the chats resource the receiver runs must be one of its children
            context.addStartupListener(new org.apache.camel.ExtendedStartupListener() {
                @Override
                public void onCamelContextStarted(CamelContext ctx, boolean alreadyStarted) {
                }

                @Override
                public void onCamelContextFullyStarted(CamelContext ctx, boolean alreadyStarted) {
                    validate(catalog, settings.chatsResource());
                    fetches.warmUp(new ApiCalls(ctx, config.source("chaport")));
                }
            });
            from("platform-http:" + path("chaport") + "/{" + SECRET_PARAM + "}?httpMethodRestrict=POST")
                    .routeId("chaport.webhook")
                    .process(new ChaportReceiver(chaport.secret(), fetches));
            if (chaport.publicUrl() != null) {
                ChaportSubscriptions subscriptions = new ChaportSubscriptions(chaport);
                from("timer:chaport-webhook-subscriptions?delay=500&period=" + settings.checkEveryMs())
                        .routeId("chaport.webhook_subscriptions")
                        .process(exchange -> checkSubscriptions("chaport", () -> subscriptions.ensure(
                                new ApiCalls(exchange.getContext(), config.source("chaport")))));
            }
        }
        WebhookSettings.Receiver chatforma = settings.chatforma();
        if (chatforma.enabled()) {
            FormSubmissions submissions = new FormSubmissions(destination, schema(context, "chatforma"),
                    SecretMasking.from(config), naming(context, "chatforma"));
            from("platform-http:" + path("chatforma") + "/{" + SECRET_PARAM + "}?httpMethodRestrict=POST")
                    .routeId("chatforma.webhook")
                    .process(new ChatformaReceiver(chatforma.secret(), submissions));
            if (chatforma.publicUrl() != null) {
                ChatformaSubscriptions subscriptions = new ChatformaSubscriptions(chatforma);
                from("timer:chatforma-webhook-subscriptions?delay=500&period=" + settings.checkEveryMs())
                        .routeId("chatforma.webhook_subscriptions")
                        .process(exchange -> checkSubscriptions("chatforma", () -> subscriptions.ensure(
                                new ApiCalls(exchange.getContext(), config.source("chatforma")))));
            }
        }
        LOG.info("webhooks: listening on {}:{} for {}", settings.host(), settings.port(),
                String.join(" and ", Stream.of(chaport, chatforma).filter(WebhookSettings.Receiver::enabled)
                        .map(r -> "POST " + path(r.source()) + "/" + WebhookSecret.MASK).toList()));
    }

    /** The source's schema as its _source.yaml names it, {@code <source>_data} when it names none. */
    private static String schema(CamelContext context, String source) {
        SourceDefaults defaults = context.getRegistry().lookupByNameAndType(source, SourceDefaults.class);
        return defaults == null || defaults.getSchema() == null || defaults.getSchema().isBlank()
                ? source + "_data" : defaults.getSchema();
    }

    /** The source's naming convention as its _source.yaml names it, dlt's snake_case when it names none. */
    private static Naming naming(CamelContext context, String source) {
        SourceDefaults defaults = context.getRegistry().lookupByNameAndType(source, SourceDefaults.class);
        return Naming.of(defaults == null ? new SourceDefaults().getNaming() : defaults.getNaming());
    }

    /** A failed check is one line; the next one comes at the next period, and the receiver serves meanwhile. */
    private static void checkSubscriptions(String source, Callable<?> check) {
        try {
            check.call();
        } catch (Exception e) {
            LOG.warn("{} webhooks: the subscriptions could not be checked, trying again later: {}", source,
                    PrintableText.escape(e.getMessage()));
        }
    }

    /** Checks what needs the routes folder loaded: the chats resource the Chaport receiver runs is a child resource. */
    static void validate(ResourceCatalog catalog, String chatsResource) {
        ResourceSpec spec;
        try {
            spec = catalog.get(chatsResource);
        } catch (IllegalStateException e) {
            throw new ConfigException("chatload.chaport.webhook.chats-resource names " + chatsResource
                    + ", which the routes folder does not declare");
        }
        if (!spec.isChild()) {
            throw new ConfigException("chatload.chaport.webhook.chats-resource: " + chatsResource + " is not a child "
                    + "resource of the visitors (its path should be /visitors/{parent.id}/chats)");
        }
    }
}
