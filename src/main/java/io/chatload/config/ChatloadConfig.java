package io.chatload.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * chatload's settings: the {@code chatload.*} keys of {@code application.properties}, whose values may name an
 * environment variable as {@code {{env:NAME:default}}} (Camel's placeholder syntax), overridden by {@code -Dkey=value}.
 * Secrets stay here and in the HTTP client that needs them; they are never handed to Camel's property store.
 */
public final class ChatloadConfig {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\{\\{env:([A-Za-z0-9_]+)(?::([^}]*))?}}");

    private final Map<String, String> values;

    private ChatloadConfig(Map<String, String> values) {
        this.values = values;
    }

    /**
     * chatload's own defaults: its application.properties, read from the copy the build puts under this name, so an
     * application that embeds chatload and has an application.properties of its own cannot shadow them.
     */
    static final String DEFAULTS = "/META-INF/chatload/application.properties";

    /** chatload's application.properties, then the process environment and system properties. */
    public static ChatloadConfig load() {
        return load(System.getenv(), System.getProperties());
    }

    /** The same from explicit sources: for tests and for applications that embed chatload. */
    public static ChatloadConfig load(Map<String, String> env, Properties systemProperties) {
        Properties defaults = new Properties();
        try (InputStream in = ChatloadConfig.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the classpath: rebuild chatload");
            }
            defaults.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : defaults.stringPropertyNames()) {
            if (key.startsWith("chatload.")) {
                values.put(key, resolveEnv(defaults.getProperty(key), env));
            }
        }
        for (String key : systemProperties.stringPropertyNames()) {
            if (key.startsWith("chatload.")) {
                values.put(key, systemProperties.getProperty(key));
            }
        }
        return new ChatloadConfig(values);
    }

    private static String resolveEnv(String value, Map<String, String> env) {
        Matcher m = ENV_PLACEHOLDER.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String fromEnv = env.get(m.group(1));
            String replacement = fromEnv != null ? fromEnv : (m.group(2) == null ? "" : m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString().trim();
    }

    /** A copy with some settings replaced, e.g. the sandbox's URLs and credentials for the demo. */
    public ChatloadConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(values);
        copy.putAll(overrides);
        return new ChatloadConfig(copy);
    }

    /** Every setting that has a value or a default here: the names a host's property source is asked for one by one. */
    public java.util.Set<String> keys() {
        return java.util.Collections.unmodifiableSet(values.keySet());
    }

    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    public String require(String key) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            throw new ConfigException(key + " is not set: add it to application.properties or the environment");
        }
        return v;
    }

    public int getInt(String key, int fallback, int min) {
        String v = get(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new ConfigException(key + " = '" + v + "' is not a whole number >= " + min);
        }
    }

    /** The settings of one API source (chaport, chatforma). */
    public SourceConfig source(String name) {
        String prefix = "chatload." + name + ".";
        String credentialKey = get(prefix + "credential-property", prefix + "token");
        String baseUrl = get(prefix + "base-url", null);
        if (baseUrl == null) {
            throw new ConfigException(prefix + "base-url is not set: name the API's base URL, e.g. https://app.chaport.com/api/v1");
        }
        return new SourceConfig(name, validateBaseUrl(prefix + "base-url", baseUrl), credentialKey, get(credentialKey, null),
                getInt(prefix + "concurrency", 4, 1));
    }

    static URI validateBaseUrl(String key, String value) {
        try {
            URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new URISyntaxException(value, "not an absolute http(s) URL");
            }
            if (uri.getQuery() != null || uri.getFragment() != null) {
                throw new URISyntaxException(value, "a base URL takes no query or fragment");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException(key + " = '" + value + "' is not a valid base URL (" + e.getReason()
                    + "): use an absolute http(s) URL such as https://app.chaport.com/api/v1");
        }
    }

    public String dbUrl() {
        return get("chatload.db.url", "jdbc:h2:file:./chatload");
    }

    public String dbUser() {
        return get("chatload.db.user", "");
    }

    public String dbPassword() {
        return get("chatload.db.password", "");
    }

    /** {@code chatload.db.allow-code}: whether the database URL may run code as it opens (H2's INIT= and the like). */
    public boolean dbAllowsCode() {
        String v = get("chatload.db.allow-code", "false").trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException("chatload.db.allow-code = '" + v + "' must be true or false");
        }
        return v.equals("true");
    }

    /**
     * {@code chatload.routes} ({@code CHATLOAD_ROUTES}): the routes folder whose files add to and override the
     * resource files shipped in the jar; empty when unset.
     */
    public Optional<Path> routesDir() {
        return Optional.ofNullable(get("chatload.routes", null)).map(Path::of);
    }

    public int batchSize() {
        return getInt("chatload.batch-size", 500, 1);
    }
}
