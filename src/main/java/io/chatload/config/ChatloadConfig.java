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

/**
 * chatload's settings: the {@code chatload.*} keys of {@code application.properties}, whose values may name an
 * environment variable as {@code {{env:NAME:default}}}, resolved by Camel's own parser ({@link Placeholders}); over them any key's environment
 * variable by Camel's convention ({@code chatload.acme.base-url} from {@code CHATLOAD_ACME_BASE_URL}: upper case, dots
 * and dashes as underscores), so every source, the third API's too, is configured without {@code -D} (a token on the
 * command line shows in {@code ps}); over both {@code -Dkey=value}. Secrets stay here and in the HTTP client that
 * needs them; they are never handed to Camel's property store.
 */
public final class ChatloadConfig {

    /** application.properties, its {@code {{env:...}}} placeholders resolved. */
    private final Map<String, String> defaults;
    /** The process environment, read by each key's conventional name. */
    private final Map<String, String> env;
    /** The variable application.properties names for a key ({@code CHAPORT_TOKEN}), where it names one. */
    private final Map<String, String> placeholderEnv;
    /** {@code -D} system properties and what {@link #with} sets: over everything else. */
    private final Map<String, String> explicit;

    private ChatloadConfig(Map<String, String> defaults, Map<String, String> env, Map<String, String> placeholderEnv,
                           Map<String, String> explicit) {
        this.defaults = defaults;
        this.env = env;
        this.placeholderEnv = placeholderEnv;
        this.explicit = explicit;
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
        Map<String, String> placeholderEnv = new TreeMap<>();
        Placeholders placeholders = new Placeholders(env, placeholderEnv::putIfAbsent);
        for (String key : defaults.stringPropertyNames()) {
            if (key.startsWith("chatload.")) {
                values.put(key, placeholders.resolve(key, defaults.getProperty(key)));
            }
        }
        Map<String, String> explicit = new TreeMap<>();
        for (String key : systemProperties.stringPropertyNames()) {
            if (key.startsWith("chatload.")) {
                explicit.put(key, systemProperties.getProperty(key));
            }
        }
        return new ChatloadConfig(values, Map.copyOf(env), placeholderEnv, explicit);
    }

    /** The environment variable to tell a user to set for a key: the one application.properties names, else by convention. */
    public String envVariable(String key) {
        return placeholderEnv.getOrDefault(key, envName(key));
    }

    /** The environment variable that sets a key, by Camel's convention: {@code chatload.acme.base-url} -> {@code CHATLOAD_ACME_BASE_URL}. */
    public static String envName(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** A copy with some settings replaced, e.g. the sandbox's URLs and credentials for the demo. */
    public ChatloadConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new TreeMap<>(explicit);
        copy.putAll(overrides);
        return new ChatloadConfig(defaults, env, placeholderEnv, copy);
    }

    /** Every setting that has a value or a default here: the names a host's property source is asked for one by one. */
    public java.util.Set<String> keys() {
        java.util.Set<String> keys = new java.util.TreeSet<>(defaults.keySet());
        keys.addAll(explicit.keySet());
        return java.util.Collections.unmodifiableSet(keys);
    }

    public String get(String key, String fallback) {
        String v = value(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    /**
     * -D or {@link #with}, else the key's own environment variable, else application.properties; for an instance's
     * setting of its vendor's API (its base URL, its rate budget), else the vendor's.
     */
    private String value(String key) {
        String v = own(key);
        if (v == null) {
            String vendorKey = Instances.inheritedKey(this, key);
            v = vendorKey == null ? null : own(vendorKey);
        }
        return v;
    }

    private String own(String key) {
        String v = explicit.get(key);
        if (v == null) {
            v = env.get(envName(key));
        }
        return v != null ? v.trim() : defaults.get(key);
    }

    public String require(String key) {
        String v = value(key);
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

    /** The settings of one API source, checked: a missing or bad base URL is a {@link ConfigException}. */
    public SourceConfig source(String name) {
        SourceConfig source = sourceSettings(name);
        if (source.problem() != null) {
            throw new ConfigException(source.problem());
        }
        return source;
    }

    /**
     * The settings of one API source ({@code chatload.<source>.*}), never throwing: a missing or bad base URL is the
     * source's {@link SourceConfig#problem()}, a line naming what to set, so that source alone stays disabled.
     * Every credential a source's auth type may need is read here ({@link SourceConfig#CREDENTIALS}).
     */
    public SourceConfig sourceSettings(String name) {
        String prefix = "chatload." + name + ".";
        String vendor = vendor(name);
        boolean instance = !vendor.equals(name);
        String credentialKey = get(prefix + "credential-property", Instances.credentialProperty(this, name, vendor));
        Map<String, String> credentials = new TreeMap<>();
        String secret = get(credentialKey, null);
        if (secret != null) {
            credentials.put(credentialKey, secret);
        }
        for (String credential : SourceConfig.CREDENTIALS) {
            String value = get(prefix + credential, null);
            if (value != null) {
                credentials.put(prefix + credential, value);
            }
        }
        String baseUrlKey = prefix + "base-url";
        String baseUrl = get(baseUrlKey, null);
        URI base = null;
        String problem = null;
        if (baseUrl == null) {
            problem = baseUrlKey + " is not set: set " + envVariable(baseUrlKey) + " (or " + baseUrlKey
                    + " in application.properties) to the API's base URL, e.g. https://api.example.com/v1";
        } else {
            try {
                base = validateBaseUrl(baseUrlKey, baseUrl);
            } catch (ConfigException e) {
                problem = e.getMessage();
            }
        }
        int concurrency = 4;
        try {
            concurrency = getInt(prefix + "concurrency", 4, 1);
        } catch (ConfigException e) {
            problem = problem == null ? e.getMessage() : problem;
        }
        return new SourceConfig(name, base, credentialKey, secret, concurrency, credentials, problem, vendor,
                get(prefix + "schema", instance ? name + "_data" : null), get(prefix + "schedule", null));
    }

    /** The vendor of a source: {@code chatload.<source>.vendor} for another account of a vendor, else the source itself. */
    public String vendor(String source) {
        return get("chatload." + source + ".vendor", source).trim();
    }

    /**
     * The source instances configured, by name, with the vendor each names ("" when {@code chatload.instances} lists
     * one without): the names with a {@code chatload.<instance>.vendor} key or {@code CHATLOAD_<INSTANCE>_VENDOR}
     * variable, and those {@code chatload.instances} lists. A vendor's own source is not among them.
     */
    public Map<String, String> instances() {
        return Instances.discover(this, keys(), env.keySet());
    }

    /**
     * The accounts of a vendor: its own source ({@code chatload.<vendor>.*}) first, then every instance that names it,
     * each with its settings (whether it can load is {@link SourceConfig#enabled()}).
     */
    public java.util.List<SourceConfig> sourceInstances(String vendor) {
        java.util.List<SourceConfig> accounts = new java.util.ArrayList<>(java.util.List.of(sourceSettings(vendor)));
        instances().forEach((name, of) -> {
            if (of.equals(vendor)) {
                accounts.add(sourceSettings(name));
            }
        });
        return accounts;
    }

    /**
     * The keys of the instances {@code chatload.instances} lists ({@code chatload.<instance>.token}, ...): a host
     * whose properties cannot be listed is asked for each by name.
     */
    public java.util.Set<String> instanceKeys() {
        return Instances.keys(this);
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
        return getBoolean("chatload.db.allow-code", false);
    }

    /** A {@code true}/{@code false} setting (any case); anything else is one line naming the key. */
    public boolean getBoolean(String key, boolean fallback) {
        String v = get(key, Boolean.toString(fallback)).trim().toLowerCase(java.util.Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigException(key + " = '" + v + "' must be true or false");
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
