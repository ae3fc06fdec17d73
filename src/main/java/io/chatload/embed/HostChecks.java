package io.chatload.embed;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import java.util.List;
import java.util.TreeSet;

/** What a host's set-up must get right, said in one line worded for the host (its properties, not a command line). */
final class HostChecks {

    static final String LOAD_ON_START = "chatload.load-on-start";

    private HostChecks() {
    }

    /**
     * A host where every source lacks its credential would run nothing and report each load as an empty success:
     * refuse it at start instead.
     */
    static void requireEnabledResources(ResourceCatalog catalog) {
        List<ResourceSpec> all = List.copyOf(catalog.all());
        if (all.stream().anyMatch(catalog::enabled)) {
            return;
        }
        if (all.isEmpty()) {
            throw new ConfigException("chatload has no resource to load: the routes folder (chatload.routes) holds no "
                    + "resource file");
        }
        TreeSet<String> credentials = new TreeSet<>();
        all.forEach(spec -> credentials.add(catalog.sourceConfig(spec.source()).credentialProperty()));
        throw new ConfigException("chatload has no enabled source, so it would load nothing: set "
                + String.join(" and/or ", credentials) + " in the application's properties or environment");
    }

    /** {@value #LOAD_ON_START}: whether the host loads every enabled resource once as it starts (default false). */
    static boolean loadOnStart(ChatloadConfig config) {
        return config.getBoolean(LOAD_ON_START, false);
    }
}
