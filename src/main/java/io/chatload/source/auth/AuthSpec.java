package io.chatload.source.auth;

import io.chatload.config.SourceConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * How a source authenticates, as its YAML declares it, with dlt's {@code rest_api} auth types: {@code bearer}
 * ({@code Authorization: Bearer <token>}), {@code api_key} (the key in a header or a query parameter named
 * {@code name}), {@code http_basic} and {@code oauth2_client_credentials}. The secrets are not here: they are
 * configuration ({@link #credentialKeys}), so a routes folder never holds one.
 *
 * @param type     one of {@link #TYPES}
 * @param location for api_key: {@code header} or {@code query}
 * @param name     the header or query parameter that carries the token or key
 * @param prefix   the word before the token in the header, e.g. {@code Bearer}; empty for the raw key
 * @param accessTokenUrl         for oauth2_client_credentials: where tokens are asked for
 * @param scope                  for oauth2_client_credentials: the scope asked for, or empty
 * @param defaultTokenExpiration for oauth2_client_credentials: seconds a token lasts when the answer does not say
 */
public record AuthSpec(String type, String location, String name, String prefix, URI accessTokenUrl, String scope,
                       int defaultTokenExpiration) {

    public static final List<String> TYPES = List.of("bearer", "api_key", "http_basic", "oauth2_client_credentials");

    /**
     * From a resource's settings. Without {@code type}, the older {@code authHeader} + {@code authScheme} pair says it
     * (the header and the word before the token): a bearer token by default.
     */
    public static AuthSpec parse(String type, String authHeader, String authScheme, String location, String name,
                                 String accessTokenUrl, String scope, int defaultTokenExpiration) {
        String t = type == null ? "" : type.trim().toLowerCase(Locale.ROOT);
        String loc = location == null || location.isBlank() ? "header" : location.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "" -> {
                checkName(authHeader, "authHeader");
                return new AuthSpec(isBearer(authHeader, authScheme) ? "bearer" : "api_key", "header", authHeader.trim(),
                        authScheme == null ? "" : authScheme.trim(), null, "", 0);
            }
            case "bearer" -> {
                return new AuthSpec(t, "header", "Authorization", "Bearer", null, "", 0);
            }
            case "api_key" -> {
                if (!loc.equals("header") && !loc.equals("query")) {
                    throw new IllegalArgumentException("authLocation '" + location + "' must be header or query");
                }
                String n = name == null || name.isBlank() ? "Authorization" : name.trim();
                checkName(n, "authName");
                return new AuthSpec(t, loc, n, "", null, "", 0);
            }
            case "http_basic" -> {
                return new AuthSpec(t, "header", "Authorization", "Basic", null, "", 0);
            }
            case "oauth2_client_credentials" -> {
                if (defaultTokenExpiration < 1) {
                    throw new IllegalArgumentException("defaultTokenExpiration must be at least 1 second");
                }
                return new AuthSpec(t, "header", "Authorization", "Bearer", tokenUrl(accessTokenUrl), scope == null ? "" : scope.trim(),
                        defaultTokenExpiration);
            }
            default -> throw new IllegalArgumentException("unknown auth type '" + type + "': use one of " + String.join(", ", TYPES));
        }
    }

    private static boolean isBearer(String header, String scheme) {
        return "Authorization".equalsIgnoreCase(header.trim()) && "Bearer".equalsIgnoreCase(scheme == null ? "" : scheme.trim());
    }

    private static void checkName(String name, String key) {
        if (name == null || !name.trim().matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException(key + " '" + name + "' is not a valid header or parameter name");
        }
    }

    private static URI tokenUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("auth oauth2_client_credentials needs accessTokenUrl, the token endpoint's URL");
        }
        try {
            URI uri = new URI(url.trim());
            if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
                throw new URISyntaxException(url, "not an absolute http(s) URL without user-info or query");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("accessTokenUrl is not an absolute http(s) URL without user-info or query");
        }
    }

    /** The properties that hold this auth type's secrets for a source, e.g. {@code chatload.acme.token}. */
    public List<String> credentialKeys(SourceConfig source) {
        String prefix = "chatload." + source.name() + ".";
        return switch (type) {
            case "http_basic" -> List.of(prefix + "username", prefix + "password");
            case "oauth2_client_credentials" -> List.of(prefix + "client-id", prefix + "client-secret");
            default -> List.of(source.credentialProperty());
        };
    }

    /** Those of {@link #credentialKeys} the source has no value for. */
    public List<String> missing(SourceConfig source) {
        return credentialKeys(source).stream().filter(key -> source.credential(key) == null).toList();
    }

    /** What puts the credential on each request; the source's credentials must all be set. */
    public Authenticator authenticator(SourceConfig source, Duration timeout, Clock clock) {
        List<String> keys = credentialKeys(source);
        return switch (type) {
            case "http_basic" -> new HeaderCredential("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (source.credential(keys.get(0)) + ":" + source.credential(keys.get(1))).getBytes(StandardCharsets.UTF_8)));
            case "oauth2_client_credentials" -> new OAuth2ClientCredentials(accessTokenUrl, source.credential(keys.get(0)),
                    source.credential(keys.get(1)), scope, Duration.ofSeconds(defaultTokenExpiration),
                    String.join(" and ", keys), timeout, clock);
            default -> location.equals("query") ? new QueryCredential(name, source.credential(keys.get(0)))
                    : new HeaderCredential(name, prefix.isEmpty() ? source.credential(keys.get(0))
                            : prefix + " " + source.credential(keys.get(0)));
        };
    }

    /** The header this auth sets, removed from every request first so that none goes out to another origin. */
    public String header() {
        return location.equals("header") ? name : "Authorization";
    }

    /** A short id for the HTTP component of a resource that authenticates unlike its source: no secret in it. */
    public String id() {
        return (type + "-" + location + "-" + name + (prefix.isEmpty() ? "" : "-" + prefix)
                + (accessTokenUrl == null ? "" : "-" + Integer.toHexString(accessTokenUrl.hashCode())))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }
}
