package io.chatload.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Source instances as configuration declares them: another account of a vendor is a name with a
 * {@code chatload.<instance>.vendor} key ({@code CHATLOAD_<INSTANCE>_VENDOR}), found among the keys and environment
 * variables, or listed in {@value #LIST} for a host whose property source cannot be listed. An instance's settings
 * that describe the vendor's API rather than the account ({@link #INHERITED}) fall back to the vendor's; its
 * credentials, schema and schedule never do.
 */
final class Instances {

    /** Instance names, comma-separated, for hosts whose properties are resolved key by key. */
    static final String LIST = "chatload.instances";
    private static final Pattern KEY = Pattern.compile("chatload\\.([^.]+)\\.vendor");
    private static final Pattern ENV = Pattern.compile("CHATLOAD_([A-Z0-9_]+)_VENDOR");
    private static final Pattern SOURCE_KEY = Pattern.compile("chatload\\.([^.]+)\\.([^.]+)");

    /** Settings of the vendor's API that an instance takes from its vendor unless it sets its own. */
    static final Set<String> INHERITED = Set.of("base-url", "concurrency", "requests-per-second",
            "connect-timeout-ms", "read-timeout-ms", "max-connections");

    /** What an instance may set, besides the credentials of {@link SourceConfig#CREDENTIALS}. */
    private static final Set<String> SETTINGS = Set.of("vendor", "schema", "schedule", "credential-property");

    private Instances() {
    }

    /** Each instance name with the vendor it names, "" when listed in {@value #LIST} without one. */
    static Map<String, String> discover(ChatloadConfig config, Set<String> keys, Set<String> envNames) {
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            Matcher m = KEY.matcher(key);
            if (m.matches()) {
                names.add(m.group(1));
            }
        }
        for (String variable : envNames) {
            Matcher m = ENV.matcher(variable);
            if (m.matches()) {
                names.add(m.group(1).toLowerCase(Locale.ROOT));
            }
        }
        names.addAll(listed(config));
        Map<String, String> instances = new TreeMap<>();
        for (String name : names) {
            String vendor = config.get("chatload." + name + ".vendor", "").trim();
            if (!vendor.equals(name)) {
                instances.put(name, vendor);
            }
        }
        return instances;
    }

    static Set<String> listed(ChatloadConfig config) {
        Set<String> names = new TreeSet<>();
        Arrays.stream(config.get(LIST, "").split(",")).map(String::trim).filter(n -> !n.isEmpty()).forEach(names::add);
        return names;
    }

    /**
     * The vendor's key an instance's key falls back to ({@code chatload.chaport_eu.base-url} ->
     * {@code chatload.chaport.base-url}), or null: not an instance, or not a setting of the vendor's API.
     */
    static String inheritedKey(ChatloadConfig config, String key) {
        Matcher m = SOURCE_KEY.matcher(key);
        if (!m.matches() || !INHERITED.contains(m.group(2))) {
            return null;
        }
        String vendor = config.get("chatload." + m.group(1) + ".vendor", null);
        return vendor == null || vendor.equals(m.group(1)) ? null : "chatload." + vendor + "." + m.group(2);
    }

    /**
     * The property of a source's credential when it names none: an instance's vendor's credential name with the
     * instance's prefix ({@code chatload.chatforma_b.api-key}), else {@code chatload.<source>.token}.
     */
    static String credentialProperty(ChatloadConfig config, String source, String vendor) {
        String vendorPrefix = "chatload." + vendor + ".";
        String vendorKey = vendor.equals(source) ? null : config.get(vendorPrefix + "credential-property", null);
        return "chatload." + source + "." + (vendorKey != null && vendorKey.startsWith(vendorPrefix)
                ? vendorKey.substring(vendorPrefix.length()) : "token");
    }

    /** The keys an instance listed in {@value #LIST} may be configured with: what a host is asked for by name. */
    static Set<String> keys(ChatloadConfig config) {
        Set<String> keys = new TreeSet<>();
        for (String name : listed(config)) {
            String prefix = "chatload." + name + ".";
            SETTINGS.forEach(s -> keys.add(prefix + s));
            INHERITED.forEach(s -> keys.add(prefix + s));
            SourceConfig.CREDENTIALS.forEach(s -> keys.add(prefix + s));
            keys.add(config.sourceSettings(name).credentialProperty());
        }
        return keys;
    }
}
