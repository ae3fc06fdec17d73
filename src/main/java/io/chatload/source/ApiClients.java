package io.chatload.source;

import io.chatload.config.SourceConfig;
import io.chatload.source.auth.AuthSpec;
import io.chatload.source.auth.Authenticator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import org.apache.camel.CamelContext;
import org.apache.camel.component.http.HttpComponent;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequestInterceptor;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;

/**
 * Registers one camel-http component per API source ({@code chaport-http}, {@code acme-http}), so each API has its
 * own connection pool and timeouts, and its credential is added by an HttpClient interceptor (an {@link Authenticator}
 * of the source's auth type): the secret never travels in a Camel message header (where tracing or logging could
 * show it) and is never sent to another origin. A GET much slower than the API's recent answers is cut short and
 * tried again ({@link SlowAnswerCutoff}).
 */
public final class ApiClients {

    private ApiClients() {
    }

    /**
     * The component of a source's default credential scheme: {@code chaport-http}. A component's name is the scheme
     * of its URIs, where {@code _} is not allowed: {@code chaport_eu} has {@code chaport.eu-http} (source names have
     * no dots, so no two sources share one).
     */
    public static String componentName(String source) {
        return source.replace('_', '.') + "-http";
    }

    /** The component for a resource whose file overrides the source's auth, e.g. {@code acme-http-api-key-query-key}. */
    public static String componentName(String source, AuthSpec auth) {
        return componentName(source) + "-" + auth.id();
    }

    /** Registers a component once, for a credential in a header; a second call for the same name keeps the first. */
    public static void register(CamelContext context, String name, SourceConfig source, AuthScheme auth, HttpSettings settings) {
        register(context, name, source, AuthSpec.parse("", auth.header(), auth.scheme(), null, null, null, null, 0), settings);
    }

    /** Registers a component once, with any of the auth types; a second call for the same name keeps the first. */
    public static void register(CamelContext context, String name, SourceConfig source, AuthSpec auth, HttpSettings settings) {
        if (context.hasComponent(name) != null) {
            return;
        }
        HttpComponent component = new HttpComponent();
        component.setConnectTimeout(settings.connectTimeoutMs());
        component.setConnectionRequestTimeout(settings.connectTimeoutMs());
        component.setSoTimeout(settings.readTimeoutMs());
        component.setResponseTimeout(settings.readTimeoutMs());
        component.setFollowRedirects(false);
        component.setCookieManagementDisabled(true);
        // chatload's own retry policy (Camel redelivery, the outboxes' drains) is the one place retries happen
        component.setAutomaticRetriesDisabled(true);
        // Camel's own headers must not become HTTP headers, and response headers are not needed downstream
        component.setSkipRequestHeaders(true);
        component.setMaxTotalConnections(settings.maxConnections());
        component.setConnectionsPerRoute(settings.maxConnections());
        component.setUserAgent("chatload");
        HttpRequestInterceptor credentials = credentialInterceptor(source, auth.header(),
                auth.authenticator(source, java.time.Duration.ofMillis(settings.connectTimeoutMs()), java.time.Clock.systemUTC()));
        SlowAnswerCutoff slowAnswers = new SlowAnswerCutoff(settings.adaptiveTimeout(), settings.readTimeoutMs(),
                System::nanoTime);
        component.setHttpClientConfigurer(builder -> builder.addRequestInterceptorFirst(credentials)
                .addExecInterceptorFirst("chatload-slow-answers", slowAnswers)
                .addExecInterceptorFirst("chatload-abortable-bodies", ApiClients::abortableBody));
        context.addComponent(name, component);
    }

    /**
     * Hands the body on as an {@link AbortableBody}: first in the chain, it wraps what the client gives back (after
     * decompression), and its abort discards the request's connection.
     */
    private static ClassicHttpResponse abortableBody(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        ClassicHttpResponse response = chain.proceed(request, scope);
        HttpEntity entity = response.getEntity();
        if (entity != null && entity.isStreaming()) {
            response.setEntity(new HttpEntityWrapper(entity) {
                @Override
                public InputStream getContent() throws IOException {
                    return new AbortableBody(super.getContent(), scope.execRuntime::discardEndpoint);
                }
            });
        }
        return response;
    }

    private static HttpRequestInterceptor credentialInterceptor(SourceConfig source, String header, Authenticator authenticator) {
        OriginGuard guard = OriginGuard.of(source.baseUrl());
        return (request, entity, context) -> {
            request.removeHeaders(header);
            URI target;
            try {
                target = request.getUri();
            } catch (URISyntaxException e) {
                return;
            }
            if (guard.allows(target)) {
                authenticator.authenticate(request);
            }
            request.setHeader("Accept", "application/json");
        };
    }
}
