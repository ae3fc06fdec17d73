package io.chatload.embed;

import io.chatload.config.ChatloadConfig;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * chatload's settings inside an application: chatload's defaults and the environment variables they name, then the
 * {@code chatload.*} keys of the application's Camel properties (its application.properties, with Camel's own
 * placeholders and overrides resolved), then what the application passes in code.
 */
final class HostSettings {

    private static final String PREFIX = "chatload.";

    private HostSettings() {
    }

    static ChatloadConfig config(CamelContext context, Map<String, String> settings) {
        Map<String, String> values = new TreeMap<>();
        PropertiesComponent properties = context.getPropertiesComponent();
        for (Object key : properties.loadProperties(k -> k.startsWith(PREFIX)).keySet()) {
            String name = key.toString();
            properties.resolveProperty(name).ifPresent(value -> values.put(name, value));
        }
        settings.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                throw new IllegalArgumentException("'" + key + "' is not a chatload setting: their names start with "
                        + PREFIX + " (e.g. chatload.routes, chatload.db.url)");
            }
            values.put(key, value);
        });
        return ChatloadConfig.load().with(values);
    }
}
