package io.chatload.embed;

import io.chatload.config.ChatloadConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * chatload's settings inside an application: chatload's defaults and the environment variables they name, then the
 * {@code chatload.*} keys of the application's Camel properties (its application.properties, with Camel's own
 * placeholders and overrides resolved), then what the application passes in code.
 * <p>
 * Each key is asked for by name, not only listed: a host's property sources cannot all be listed (Spring Boot's
 * Environment reaches Camel through a parser that resolves a name but enumerates nothing).
 */
final class HostSettings {

    private static final String PREFIX = "chatload.";
    /** The outboxes send messages: an application gets them only when it asks ({@code true} on the command line). */
    static final String OUTBOX_ENABLED = "chatload.outbox.enabled";

    private HostSettings() {
    }

    static ChatloadConfig config(CamelContext context, Map<String, String> settings) {
        ChatloadConfig defaults = ChatloadConfig.load();
        PropertiesComponent properties = context.getPropertiesComponent();
        Set<String> names = new TreeSet<>(defaults.keys());
        properties.loadProperties(k -> k.startsWith(PREFIX)).keySet().forEach(key -> names.add(key.toString()));
        Map<String, String> values = new TreeMap<>();
        for (String name : names) {
            properties.resolveProperty(name).ifPresent(value -> values.put(name, value));
        }
        // the keys of the instances chatload.instances lists, known once it is read (and their vendors' credential
        // names once their vendors are): asked for until no new key turns up
        for (Set<String> more = newKeys(defaults.with(values), names); !more.isEmpty(); more = newKeys(defaults.with(values), names)) {
            for (String name : more) {
                properties.resolveProperty(name).ifPresent(value -> values.put(name, value));
            }
        }
        values.putIfAbsent(OUTBOX_ENABLED, "false");
        settings.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                throw new IllegalArgumentException("'" + key + "' is not a chatload setting: their names start with "
                        + PREFIX + " (e.g. chatload.routes, chatload.db.url)");
            }
            values.put(key, value);
        });
        return defaults.with(values);
    }

    /** The instances' keys not yet asked for, now added to {@code asked}. */
    private static Set<String> newKeys(ChatloadConfig config, Set<String> asked) {
        Set<String> more = new TreeSet<>(config.instanceKeys());
        more.removeAll(asked);
        asked.addAll(more);
        return more;
    }
}
