package io.chatload.config;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * One source instance's settings: a vendor's API ({@code vendor}, the folder of resource files it loads with: for a
 * source named after its folder, its own name) and one account of it. {@code secret} is the token or key (the
 * property {@code credentialProperty});
 * {@code credentials} holds every credential set for the source by property name (token, username and password,
 * client id and secret), for the auth type its routes choose. {@code problem}, when not null, is a one-line reason
 * the source cannot load (its base URL missing or bad), naming what to set. {@link #toString()} never shows a
 * secret. {@code concurrency} bounds how many parent records fan out to their child resources at the same time.
 * {@code schema} and {@code schedule}, when not null, replace the vendor's {@code _source.yaml} defaults.
 */
public record SourceConfig(String name, URI baseUrl, String credentialProperty, String secret, int concurrency,
                           Map<String, String> credentials, String problem, String vendor, String schema,
                           String schedule) {

    /** The credentials read for every source, below {@code chatload.<source>.}, besides its token. */
    public static final List<String> CREDENTIALS = List.of("token", "username", "password", "client-id", "client-secret");

    public SourceConfig {
        credentials = Map.copyOf(credentials);
        vendor = vendor == null ? name : vendor;
    }

    /** A source that is its own vendor, with the vendor's schema and schedule. */
    public SourceConfig(String name, URI baseUrl, String credentialProperty, String secret, int concurrency,
                        Map<String, String> credentials, String problem) {
        this(name, baseUrl, credentialProperty, secret, concurrency, credentials, problem, name, null, null);
    }

    public SourceConfig(String name, URI baseUrl, String credentialProperty, String secret, int concurrency) {
        this(name, baseUrl, credentialProperty, secret, concurrency,
                secret == null ? Map.of() : Map.of(credentialProperty, secret), null);
    }

    /** Whether this is another account of a vendor ({@code chatload.<name>.vendor}), not the vendor's own source. */
    public boolean isInstance() {
        return !vendor.equals(name);
    }

    /**
     * The schema of tables the source keeps outside its resource files (outboxes): the one configured
     * ({@code chatload.<source>.schema}), else {@code <source>_data}, the default of a vendor's folder and of an instance.
     */
    public String ownSchema() {
        return schema != null && !schema.isBlank() ? schema : name + "_data";
    }

    /** Whether the source can load with its token: a base URL and a token. */
    public boolean enabled() {
        return problem == null && secret != null && !secret.isBlank();
    }

    /** A credential by its property name, e.g. {@code chatload.acme.password}; null when not set. */
    public String credential(String property) {
        String value = credentials.get(property);
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return "SourceConfig[" + name + (isInstance() ? " (" + vendor + ")" : "") + ", " + baseUrl + ", credential " + (enabled() ? "set" : "missing") + "]";
    }
}
