package io.chatload.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.apache.camel.component.properties.PropertiesComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesFunction;

/**
 * chatload's application.properties values resolved by Camel's own placeholder parser ({@code {{env:NAME}}},
 * {@code {{env:NAME:default}}}, nested placeholders), over a given environment rather than the process's, so that
 * tests and hosts can hand one in. The parser's component is private and never started: what it resolves (tokens
 * among it) stays out of the running CamelContext's property store and its start-up summary. Camel's parser logs each
 * value a function gives at DEBUG, so the function gives it a marker, replaced by the value only after parsing: a
 * token never reaches a log line.
 */
final class Placeholders {

    private final PropertiesComponent parser = new PropertiesComponent();
    /** The key whose value is being resolved. */
    private String current;
    /** The values behind the markers the parse of {@link #current} gave out. */
    private final Map<String, String> markers = new LinkedHashMap<>();

    /**
     * @param env      the environment {@code {{env:...}}} reads
     * @param asked    told each value's key and the environment variable its placeholder names, for messages that say
     *                 which variable to set
     */
    Placeholders(Map<String, String> env, BiConsumer<String, String> asked) {
        parser.setCamelContext(new DefaultCamelContext(false));
        parser.addPropertiesFunction(new Env(env, asked));
        parser.init();
    }

    /** A value with its placeholders resolved, trimmed. */
    String resolve(String key, String value) {
        if (!value.contains(PropertiesComponent.PREFIX_TOKEN)) {
            return value.trim(); // Camel would take a value without placeholders for a key to look up
        }
        current = key;
        try {
            String parsed = parser.parseUri(value);
            for (Map.Entry<String, String> marker : markers.entrySet()) {
                parsed = parsed.replace(marker.getKey(), marker.getValue());
            }
            return parsed.trim();
        } finally {
            current = null;
            markers.clear();
        }
    }

    /** Camel's {@code env} function over the given map, with Camel's {@code NAME:default} syntax. */
    private final class Env implements PropertiesFunction {
        private final Map<String, String> env;
        private final BiConsumer<String, String> asked;

        Env(Map<String, String> env, BiConsumer<String, String> asked) {
            this.env = env;
            this.asked = asked;
        }

        @Override
        public String getName() {
            return "env";
        }

        @Override
        public String apply(String remainder) {
            int colon = remainder.indexOf(':');
            String name = colon < 0 ? remainder : remainder.substring(0, colon);
            if (current != null) {
                asked.accept(current, name);
            }
            String value = env.get(name);
            value = value != null ? value : colon < 0 ? null : remainder.substring(colon + 1);
            if (value == null) {
                return null;
            }
            String marker = "[env value " + markers.size() + ", not logged]";
            markers.put(marker, value);
            return marker;
        }
    }
}
