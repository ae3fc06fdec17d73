package io.chatload.routes;

import io.chatload.config.ChatloadConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;

/**
 * The resources of source instances: each instance ({@code chatload.chaport_eu.vendor = chaport}) gets every resource
 * its vendor's files declare, as a copy of the vendor's templated route with the routeId {@code <instance>.<name>}
 * and the same parameters. The copies join the file's own routes before Camel creates them, so the file is still
 * the unit that loads, reloads and is removed. An instance that cannot be one (unknown vendor, a name that is also a
 * vendor's, not a valid name) gets no copies and one line saying why.
 */
final class InstanceRoutes {

    static final Pattern NAME = Pattern.compile("[a-z0-9_-]+");

    private final ChatloadConfig config;

    InstanceRoutes(ChatloadConfig config) {
        this.config = config;
    }

    /** Appends to a file's templated routes a copy of each vendor resource for each instance of that vendor. */
    void addTo(RouteBuilder file, CamelContext context) {
        Map<String, List<String>> byVendor = validByVendor(context);
        if (byVendor.isEmpty()) {
            return;
        }
        List<TemplatedRouteDefinition> own = file.getTemplatedRouteCollection().getTemplatedRoutes();
        List<TemplatedRouteDefinition> copies = new ArrayList<>();
        for (TemplatedRouteDefinition route : own) {
            Matcher id = ResourceCatalog.RESOURCE_ID.matcher(route.getRouteId() == null ? "" : route.getRouteId());
            if (ResourceTemplate.ID.equals(route.getRouteTemplateRef()) && id.matches()) {
                for (String instance : byVendor.getOrDefault(id.group(1), List.of())) {
                    copies.add(copy(route, instance + "." + id.group(2)));
                }
            }
        }
        own.addAll(copies);
    }

    private static TemplatedRouteDefinition copy(TemplatedRouteDefinition route, String routeId) {
        TemplatedRouteDefinition copy = new TemplatedRouteDefinition();
        copy.setCamelContext(route.getCamelContext());
        copy.setResource(route.getResource());
        copy.setRouteTemplateRef(route.getRouteTemplateRef());
        copy.setRouteId(routeId);
        List<TemplatedRouteParameterDefinition> parameters = new ArrayList<>();
        if (route.getParameters() != null) {
            route.getParameters().forEach(p -> parameters.add(new TemplatedRouteParameterDefinition(p.getName(), p.getValue())));
        }
        copy.setParameters(parameters);
        if (route.getBeans() != null) {
            copy.setBeans(new ArrayList<>(route.getBeans()));
        }
        return copy;
    }

    /** The instances that can load, by vendor. */
    private Map<String, List<String>> validByVendor(CamelContext context) {
        Map<String, List<String>> byVendor = new LinkedHashMap<>();
        config.instances().forEach((instance, vendor) -> {
            if (refusal(instance, vendor, context) == null) {
                byVendor.computeIfAbsent(vendor, v -> new ArrayList<>()).add(instance);
            }
        });
        return byVendor;
    }

    /** Each configured instance that cannot load, with the line that says why. */
    Map<String, String> refusals(CamelContext context) {
        Map<String, String> refused = new LinkedHashMap<>();
        config.instances().forEach((instance, vendor) -> {
            String reason = refusal(instance, vendor, context);
            if (reason != null) {
                refused.put(instance, reason);
            }
        });
        return refused;
    }

    private String refusal(String instance, String vendor, CamelContext context) {
        String key = "chatload." + instance + ".vendor";
        if (!NAME.matcher(instance).matches()) {
            return "'" + instance + "' is not a source instance name: use lower-case letters, digits, _ and - ("
                    + key + ")";
        }
        Set<String> vendors = vendors(context);
        if (vendor.isEmpty()) {
            return "chatload.instances names it but " + key + " is not set: set " + ChatloadConfig.envName(key)
                    + " to its vendor (" + String.join(", ", vendors) + ")";
        }
        if (vendors.contains(instance)) {
            return "it is an instance of " + vendor + " (" + key + ") and a folder of resource files of its own "
                    + "(routes/" + instance + "/_source.yaml): give the instance another name";
        }
        if (!vendors.contains(vendor)) {
            return key + " = '" + vendor + "' is not a vendor: the vendors are " + String.join(", ", vendors)
                    + " (each a folder of resource files with a _source.yaml)";
        }
        return null;
    }

    /** The vendors: every source whose {@code _source.yaml} declared its defaults. */
    private static Set<String> vendors(CamelContext context) {
        return new TreeSet<>(context.getRegistry().findByTypeWithName(SourceDefaults.class).keySet());
    }
}
