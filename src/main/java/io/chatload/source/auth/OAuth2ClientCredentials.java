package io.chatload.source.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.hc.core5.http.HttpRequest;

/**
 * OAuth 2.0 client credentials, as dlt's {@code oauth2_client_credentials}: the client id and secret are posted as a
 * form ({@code grant_type=client_credentials}) to the token URL; the {@code access_token} it answers is sent as
 * {@code Authorization: Bearer} and kept until {@code expires_in} seconds (else {@code defaultTokenExpiration}) have
 * passed, less a margin so that a token does not expire in flight; then the next request fetches a new one. One
 * token per source, shared by its requests. The token, the client id and secret are never logged nor put into a
 * message: a refusal names the properties to check.
 */
final class OAuth2ClientCredentials implements Authenticator {

    /** A token is renewed this long before it expires (or at half its life, if that is shorter). */
    static final Duration MARGIN = Duration.ofSeconds(30);

    private final URI tokenUrl;
    private final String clientId;
    private final String clientSecret;
    private final String scope;
    private final Duration defaultExpiration;
    private final String credentialKeys;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant renewAt = Instant.MIN;

    OAuth2ClientCredentials(URI tokenUrl, String clientId, String clientSecret, String scope, Duration defaultExpiration,
                            String credentialKeys, Duration timeout, Clock clock) {
        this.tokenUrl = tokenUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.scope = scope;
        this.defaultExpiration = defaultExpiration;
        this.credentialKeys = credentialKeys;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void authenticate(HttpRequest request) throws IOException {
        request.setHeader("Authorization", "Bearer " + token());
    }

    /** The cached token, or a new one once it is due for renewal. */
    synchronized String token() throws IOException {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    private void fetch() throws IOException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        if (scope != null && !scope.isBlank()) {
            form.put("scope", scope);
        }
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(tokenUrl)
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(BodyPublishers.ofString(body)).build();
        java.net.http.HttpResponse<String> answer;
        try {
            answer = http.send(post, BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching an OAuth2 token from " + where());
        }
        int status = answer.statusCode();
        if (status == 400 || status == 401 || status == 403) {
            throw new CredentialRefusedException("the OAuth2 token endpoint " + where() + " refused the client (HTTP "
                    + status + "): check " + credentialKeys);
        }
        if (status < 200 || status > 299) {
            throw new IOException("the OAuth2 token endpoint " + where() + " answered HTTP " + status);
        }
        JsonNode answerJson;
        try {
            answerJson = json.readTree(answer.body());
        } catch (IOException e) {
            throw new IOException("the OAuth2 token endpoint " + where() + " answered something that is not JSON");
        }
        JsonNode accessToken = answerJson == null ? null : answerJson.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new IOException("the OAuth2 token endpoint " + where() + " answered no access_token");
        }
        JsonNode expiresIn = answerJson.get("expires_in");
        Duration life = expiresIn != null && expiresIn.canConvertToLong() && expiresIn.asLong() > 0
                ? Duration.ofSeconds(expiresIn.asLong()) : defaultExpiration;
        Duration margin = life.dividedBy(2).compareTo(MARGIN) < 0 ? life.dividedBy(2) : MARGIN;
        token = accessToken.asText();
        renewAt = clock.instant().plus(life).minus(margin);
    }

    /** The token URL for messages: host and path, never a query (which could hold a secret). */
    private String where() {
        return tokenUrl.getScheme() + "://" + tokenUrl.getRawAuthority() + tokenUrl.getRawPath();
    }

    @Override
    public String toString() {
        return "OAuth2ClientCredentials[" + where() + "]";
    }
}
