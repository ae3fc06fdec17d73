package io.chatload.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.config.SourceConfig;
import io.chatload.source.ApiClients;
import io.chatload.source.urls.Urls;
import java.net.URI;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;

/**
 * Requests for managing subscriptions, through the source's own {@code <source>-http} component: its interceptor
 * adds the credential, only for the API's own origin, so no secret travels in a Camel header.
 */
public final class ApiCalls {

    /**
     * The route the requests take: an exchange that no route consumed would be metered without a route tag, which
     * Prometheus refuses (a warning at every start) beside the same meter of the routes' exchanges.
     */
    static final String ROUTE = "direct:chatload-webhook-api";
    /** Exchange property: the camel-http component of the source. */
    static final String COMPONENT = "chatloadWebhookHttp";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SourceConfig source;
    private final String component;
    private final ProducerTemplate producer;

    ApiCalls(CamelContext context, SourceConfig source) {
        this.source = source;
        this.component = ApiClients.componentName(source.name());
        if (context.hasComponent(component) == null) {
            throw new IllegalStateException("no HTTP client for " + source.name() + ": the routes folder declares no "
                    + source.name() + " resource");
        }
        this.producer = context.createProducerTemplate();
    }

    /** The parsed JSON answer of a 2xx; otherwise an exception saying which request got which status. */
    public Object call(String method, String pathAndQuery, Object body) throws Exception {
        URI uri = Urls.resolve(source.baseUrl(), pathAndQuery);
        String request = method + " " + Urls.pathAndQuery(uri);
        Exchange result = producer.send(ROUTE, exchange -> {
            exchange.setProperty(COMPONENT, component);
            exchange.getMessage().setHeader(Exchange.HTTP_URI, uri.toString());
            exchange.getMessage().setHeader(Exchange.HTTP_METHOD, method);
            if (body != null) {
                exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json; charset=UTF-8");
                exchange.getMessage().setBody(json(body));
            }
        });
        if (result.getException() != null) {
            throw new IllegalStateException(request + " failed: " + result.getException().getMessage(), result.getException());
        }
        int status = result.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, 0, Integer.class);
        if (status < 200 || status > 299) {
            throw new IllegalStateException(request + " answered HTTP " + status
                    + (status == 401 || status == 403 ? ": the API refused " + source.credentialProperty() : ""));
        }
        String text = result.getMessage().getBody(String.class);
        return text == null || text.isBlank() ? null : JSON.readValue(text, Object.class);
    }

    private static String json(Object body) throws JsonProcessingException {
        return JSON.writeValueAsString(body);
    }
}
