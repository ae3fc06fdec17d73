package io.chatload.spring;

import io.chatload.config.ChatloadConfig;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

/**
 * The {@code chatload.*} settings a Spring Boot host gives, key by key from its Environment: the names chatload knows
 * and every {@code chatload.} name its listable property sources hold (a source's own keys, such as
 * {@code chatload.acme.base-url}); each value with Spring's placeholders resolved. {@code chatload.enabled} is Spring's.
 */
final class SpringSettings {

    private static final String PREFIX = "chatload.";

    private SpringSettings() {
    }

    static Map<String, String> from(ConfigurableEnvironment environment) {
        Set<String> names = new TreeSet<>(ChatloadConfig.load().keys());
        for (PropertySource<?> source : environment.getPropertySources()) {
            if (source instanceof EnumerablePropertySource<?> listable) {
                for (String name : listable.getPropertyNames()) {
                    if (name.startsWith(PREFIX)) {
                        names.add(name);
                    }
                }
            }
        }
        names.remove("chatload.enabled");
        Map<String, String> settings = new TreeMap<>();
        for (String name : names) {
            String value = environment.getProperty(name);
            if (value != null) {
                settings.put(name, value);
            }
        }
        return settings;
    }
}
