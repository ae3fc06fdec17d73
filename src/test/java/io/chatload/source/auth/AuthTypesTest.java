package io.chatload.source.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.chatload.config.SourceConfig;
import io.chatload.source.ApiClients;
import io.chatload.source.HttpSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.hc.core5.http.message.BasicHttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each of dlt's auth types through the HTTP client chatload registers for a source, against a stub API on loopback
 * that answers 200 only to the right credential and records what each request carried.
 */
class AuthTypesTest {

    /** What the stub API saw of one request. */
    record Seen(String path, String query, String authorization, String apiKey) {
    }

    private HttpServer server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private volatile String expectedAuthorization;
    private volatile int tokenLifeSeconds = 3600;
    private CamelContext camel;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api", this::api);
        server.createContext("/oauth/token", this::token);
        server.start();
        camel = new DefaultCamelContext();
        camel.start();
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.stop(0);
    }

    private String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void api(HttpExchange exchange) throws IOException {
        Seen request = new Seen(exchange.getRequestURI().getPath(), exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), exchange.getRequestHeaders().getFirst("X-Api-Key"));
        seen.add(request);
        boolean ok = expectedAuthorization == null ? true : expectedAuthorization.equals(request.authorization());
        answer(exchange, ok ? 200 : 401, "{\"data\":[]}");
    }

    private void token(HttpExchange exchange) throws IOException {
        String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        tokenRequests.add(form);
        boolean ok = form.contains("client_id=client-1") && form.contains("client_secret=s3cret%2Fx")
                && form.contains("grant_type=client_credentials");
        answer(exchange, ok ? 200 : 401, ok ? "{\"access_token\":\"tok-" + tokenRequests.size() + "\",\"token_type\":\"Bearer\","
                + "\"expires_in\":" + tokenLifeSeconds + "}" : "{\"error\":\"invalid_client\"}");
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private SourceConfig source(Map<String, String> credentials) {
        String token = credentials.get("chatload.acme.token");
        return new SourceConfig("acme", URI.create(base() + "/api"), "chatload.acme.token", token, 4, credentials, null);
    }

    /** One GET through the registered component, as a resource run sends it. */
    private int get(String component, String url) {
        Exchange answer = camel.createProducerTemplate().request(component + "://api", e -> {
            e.getMessage().setHeader(Exchange.HTTP_URI, url);
            e.getMessage().setHeader(Exchange.HTTP_METHOD, "GET");
        });
        if (answer.getException() != null) {
            throw new CamelExecutionException("request failed", answer, answer.getException());
        }
        return answer.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
    }

    private String register(String name, AuthSpec auth, Map<String, String> credentials) {
        ApiClients.register(camel, name, source(credentials), auth, new HttpSettings(5_000, 5_000, 2));
        return name;
    }

    @Test
    void bearerSendsTheTokenInAuthorization() {
        String c = register("acme-http", AuthSpec.parse("bearer", null, null, null, null, null, null, 3600),
                Map.of("chatload.acme.token", "t-1"));
        expectedAuthorization = "Bearer t-1";
        assertEquals(200, get(c, base() + "/api/tickets"));
        assertEquals("Bearer t-1", seen.get(0).authorization());
        assertEquals(List.of("chatload.acme.token"), AuthSpec.parse("bearer", null, null, null, null, null, null, 3600)
                .missing(source(Map.of())));
    }

    @Test
    void apiKeyInAHeaderNamedByAuthName() {
        String c = register("acme-http-header", AuthSpec.parse("api_key", null, null, "header", "X-Api-Key", null, null, 3600),
                Map.of("chatload.acme.token", "k-1"));
        assertEquals(200, get(c, base() + "/api/tickets"));
        assertEquals("k-1", seen.get(0).apiKey());
        assertNull(seen.get(0).authorization());
    }

    @Test
    void apiKeyInAQueryParameterGoesOnTheWireOnly() {
        String c = register("acme-http-query", AuthSpec.parse("api_key", null, null, "query", "key", null, null, 3600),
                Map.of("chatload.acme.token", "k 2&x"));
        assertEquals(200, get(c, base() + "/api/tickets?page=2"));
        assertEquals("page=2&key=k+2%26x", seen.get(0).query(), "the key encoded, the page parameter kept");
        assertNull(seen.get(0).authorization());
    }

    @Test
    void httpBasicSendsUsernameAndPassword() {
        String c = register("acme-http-basic", AuthSpec.parse("http_basic", null, null, null, null, null, null, 3600),
                Map.of("chatload.acme.username", "ann", "chatload.acme.password", "pä:ss"));
        expectedAuthorization = "Basic " + java.util.Base64.getEncoder().encodeToString("ann:pä:ss".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, get(c, base() + "/api/tickets"));
        assertEquals(List.of("chatload.acme.username", "chatload.acme.password"),
                AuthSpec.parse("http_basic", null, null, null, null, null, null, 3600).missing(source(Map.of())));
    }

    @Test
    void oauth2ClientCredentialsFetchesATokenAndKeepsItUntilItExpires() throws Exception {
        AuthSpec auth = AuthSpec.parse("oauth2_client_credentials", null, null, null, null, base() + "/oauth/token", "read", 3600);
        SourceConfig source = source(Map.of("chatload.acme.client-id", "client-1", "chatload.acme.client-secret", "s3cret/x"));
        MutableClock clock = new MutableClock();
        Authenticator oauth = auth.authenticator(source, Duration.ofSeconds(5), clock);
        tokenLifeSeconds = 120;
        BasicHttpRequest request = new BasicHttpRequest("GET", URI.create(base() + "/api/tickets"));
        oauth.authenticate(request);
        assertEquals("Bearer tok-1", request.getFirstHeader("Authorization").getValue());
        assertEquals("grant_type=client_credentials&client_id=client-1&client_secret=s3cret%2Fx&scope=read", tokenRequests.get(0));
        clock.now = clock.now.plusSeconds(80);
        oauth.authenticate(request);
        assertEquals("Bearer tok-1", request.getFirstHeader("Authorization").getValue(), "cached while it lasts");
        assertEquals(1, tokenRequests.size());
        clock.now = clock.now.plusSeconds(15); // 95 s: within the 30 s margin before expiry
        oauth.authenticate(request);
        assertEquals("Bearer tok-2", request.getFirstHeader("Authorization").getValue(), "renewed before it expires");
        assertFalse(oauth.toString().contains("s3cret") || oauth.toString().contains("tok-"), oauth.toString());
    }

    @Test
    void oauth2ThroughTheSourcesClientAndARefusalNamesThePropertiesNotTheSecrets() {
        AuthSpec auth = AuthSpec.parse("oauth2_client_credentials", null, null, null, null, base() + "/oauth/token", null, 3600);
        String c = register("acme-http-oauth", auth, Map.of("chatload.acme.client-id", "client-1",
                "chatload.acme.client-secret", "s3cret/x"));
        expectedAuthorization = "Bearer tok-1";
        assertEquals(200, get(c, base() + "/api/tickets"));
        assertEquals(200, get(c, base() + "/api/tickets?page=2"));
        assertEquals(1, tokenRequests.size(), "one token for both requests");
        String wrong = register("acme-http-oauth-wrong", auth, Map.of("chatload.acme.client-id", "client-1",
                "chatload.acme.client-secret", "wrong-secret"));
        CamelExecutionException e = assertThrows(CamelExecutionException.class, () -> get(wrong, base() + "/api/tickets"));
        Throwable cause = e.getCause();
        assertTrue(cause instanceof CredentialRefusedException, String.valueOf(cause));
        assertEquals("the OAuth2 token endpoint " + base() + "/oauth/token refused the client (HTTP 401): check "
                + "chatload.acme.client-id and chatload.acme.client-secret", cause.getMessage());
    }

    @Test
    void noCredentialGoesToAnotherOrigin() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        List<String> headers = new CopyOnWriteArrayList<>();
        other.createContext("/", exchange -> {
            headers.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")) + " "
                    + exchange.getRequestURI().getRawQuery());
            answer(exchange, 200, "{}");
        });
        other.start();
        try {
            String bearer = register("acme-http", AuthSpec.parse("bearer", null, null, null, null, null, null, 3600),
                    Map.of("chatload.acme.token", "t-1"));
            String query = register("acme-http-q", AuthSpec.parse("api_key", null, null, "query", "key", null, null, 3600),
                    Map.of("chatload.acme.token", "k-1"));
            get(bearer, "http://127.0.0.1:" + other.getAddress().getPort() + "/x");
            get(query, "http://127.0.0.1:" + other.getAddress().getPort() + "/x");
            assertEquals(List.of("null null", "null null"), headers);
        } finally {
            other.stop(0);
        }
    }

    @Test
    void badAuthSettingsAreNamed() {
        assertEquals("unknown auth type 'token': use one of bearer, api_key, http_basic, oauth2_client_credentials",
                assertThrows(IllegalArgumentException.class,
                        () -> AuthSpec.parse("token", null, null, null, null, null, null, 3600)).getMessage());
        assertEquals("authLocation 'cookie' must be header or query", assertThrows(IllegalArgumentException.class,
                () -> AuthSpec.parse("api_key", null, null, "cookie", "k", null, null, 3600)).getMessage());
        assertEquals("auth oauth2_client_credentials needs accessTokenUrl, the token endpoint's URL",
                assertThrows(IllegalArgumentException.class,
                        () -> AuthSpec.parse("oauth2_client_credentials", null, null, null, null, null, null, 3600)).getMessage());
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
