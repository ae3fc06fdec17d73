package io.chatload.routes;

import io.chatload.config.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** How resources name each other (a parent, 'after'), checked as the catalog is built and before a file is reloaded. */
final class ResourceLinks {

    private ResourceLinks() {
    }

    /**
     * Checks that the resources would still fit together if those {@code removed} were dropped and those
     * {@code added} registered (an edited file removes its old resources and adds its new ones): the added ones'
     * parents and 'after' resources exist, and no remaining resource names a removed one. Changes nothing.
     */
    static void checkChange(Map<String, ResourceSpec> specs, Set<String> removed, Collection<ResourceSpec> added) {
        Map<String, ResourceSpec> after = new LinkedHashMap<>(specs);
        after.keySet().removeAll(removed);
        for (ResourceSpec spec : added) {
            if (after.putIfAbsent(spec.id(), spec) != null) {
                throw new ConfigException("resource " + spec.id() + " is declared twice: give one of the files another routeId");
            }
        }
        for (ResourceSpec spec : added) {
            check(spec, after);
        }
        for (ResourceSpec spec : after.values()) {
            List<String> named = new ArrayList<>(spec.parentQuery() == null ? List.of() : spec.parentQuery().after());
            if (spec.isChild()) {
                named.add(spec.parent().resource());
            }
            for (String gone : named) {
                if (removed.contains(gone) && !after.containsKey(gone)) {
                    throw new ConfigException("resource " + spec.id() + " names " + gone + " as its "
                            + (spec.isChild() && spec.parent().resource().equals(gone) ? "parent" : "'after'")
                            + ": change or remove " + spec.id() + " first, or together");
                }
            }
        }
    }

    /** What single files cannot check: the resources a spec names exist, in its source, and form no loop. */
    static void check(ResourceSpec spec, Map<String, ResourceSpec> specs) {
        if (spec.parentQuery() != null) {
            for (String after : spec.parentQuery().after()) {
                if (!specs.containsKey(after)) {
                    throw new ConfigException("resource " + spec.id() + ": 'after' names " + after
                            + ", which is not declared (known: " + String.join(", ", specs.keySet()) + ")");
                }
            }
        }
        Set<String> chain = new LinkedHashSet<>(List.of(spec.id()));
        for (ResourceSpec s = spec; s.isChild(); ) {
            ResourceSpec parent = specs.get(s.parent().resource());
            if (parent == null) {
                throw new ConfigException("resource " + s.id() + ": its parent " + s.parent().resource()
                        + " is not declared (known: " + String.join(", ", specs.keySet()) + ")");
            }
            if (!parent.source().equals(s.source())) {
                throw new ConfigException("resource " + s.id() + ": its parent " + parent.id() + " is in another source");
            }
            if (!chain.add(parent.id())) {
                throw new ConfigException("resource " + spec.id() + ": its parents form a loop: " + String.join(" -> ", chain));
            }
            s = parent;
        }
    }
}
