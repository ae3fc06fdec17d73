package io.chatload.source;

import io.chatload.config.SourceConfig;
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
 * Registers one camel-http component per API source ({@code chaport-http}, {@code chatforma-http}), so each API has
 * its own connection pool and timeouts, and its credential is added by an HttpClient interceptor: the secret never
 * travels in a Camel message header (where tracing or logging could show it) and is never sent to another origin.
 */
public final class ApiClients {

    private ApiClients() {
    }

    /** The component of a source's default credential scheme: {@code chaport-http}. */
    public static String componentName(String source) {
        return source + "-http";
    }

    /** The component for a resource whose file overrides the credential scheme, e.g. {@code chatforma-http-authorization-bearer}. */
    public static String componentName(String source, AuthScheme auth) {
        String scheme = auth.scheme().isEmpty() ? "" : "-" + auth.scheme();
        return (componentName(source) + "-" + auth.header() + scheme).toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "-");
    }

    /** Registers a component once; a second call for the same name keeps the first. */
    public static void register(CamelContext context, String name, SourceConfig source, AuthScheme auth, HttpSettings settings) {
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
        HttpRequestInterceptor credentials = credentialInterceptor(source, auth);
        component.setHttpClientConfigurer(builder -> builder.addRequestInterceptorFirst(credentials)
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

    private static HttpRequestInterceptor credentialInterceptor(SourceConfig source, AuthScheme auth) {
        OriginGuard guard = OriginGuard.of(source.baseUrl());
        String value = auth.headerValue(source.secret());
        return (request, entity, context) -> {
            request.removeHeaders(auth.header());
            URI target;
            try {
                target = request.getUri();
            } catch (URISyntaxException e) {
                return;
            }
            if (guard.allows(target)) {
                request.setHeader(auth.header(), value);
            }
            request.setHeader("Accept", "application/json");
        };
    }
}
