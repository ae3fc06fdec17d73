package io.chatload.routes;

import io.chatload.config.ConfigException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.RouteConfigurationsBuilder;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;

/**
 * Route files into a CamelContext, each parsed once, as Camel's routes loader adds them (configurations, then routes,
 * then templated routes), with what chatload checks in between: that no routeId is declared in two files, and that a
 * resource file's missing required parameter is the catalog's to name ({@link ResourceTemplate#leaveMissingToCatalog}).
 */
public final class RouteFiles {

    private RouteFiles() {
    }

    /**
     * Loads every file, as at start.
     *
     * @throws ConfigException a routeId is declared in two files (Camel would keep the last one without a word, so a
     *                         folder file could replace a shipped resource under another name unnoticed)
     */
    public static void load(CamelContext context, List<RouteFile> files, ResourceCatalog catalog) throws Exception {
        List<Resource> resources = files.stream().map(RouteFile::resource).toList();
        Collection<RoutesBuilder> builders = PluginHelper.getRoutesLoader(context).findRoutesBuilders(resources);
        Map<String, RouteFile> byLocation = new HashMap<>();
        files.forEach(f -> byLocation.put(f.location(), f));
        Map<String, String> declaredIn = new HashMap<>();
        for (RoutesBuilder builder : builders) {
            if (builder instanceof RouteBuilder routes) {
                RouteFile file = routes.getResource() == null ? null : byLocation.get(routes.getResource().getLocation());
                for (String id : configure(context, routes, catalog)) {
                    String other = id == null || file == null ? null : declaredIn.putIfAbsent(id, describe(file));
                    if (other != null) {
                        throw new ConfigException("routeId " + id + " is declared twice, in " + other + " and in "
                                + describe(file) + ": give one of them another routeId (a folder file replaces a "
                                + "shipped one by having its name)");
                    }
                }
            }
        }
        add(context, builders);
    }

    /**
     * Builds a file's routes without adding them (a {@code _source.yaml} binds its defaults bean here), with the source
     * instances' copies of a vendor's resources, and returns the route ids it declares, routes and templated routes,
     * null for one without an id.
     */
    public static List<String> configure(CamelContext context, RouteBuilder routes, ResourceCatalog catalog) throws Exception {
        routes.configureRoutes(context);
        catalog.addInstances(routes, context);
        List<String> ids = new ArrayList<>();
        routes.getRouteCollection().getRoutes().forEach(r -> ids.add(r.getRouteId()));
        for (TemplatedRouteDefinition templated : routes.getTemplatedRouteCollection().getTemplatedRoutes()) {
            ResourceTemplate.leaveMissingToCatalog(templated);
            ids.add(templated.getRouteId());
        }
        return ids;
    }

    /** Adds parsed routes, as Camel's routes loader does: configurations first, then routes, then templated routes. */
    public static void add(CamelContext context, Collection<RoutesBuilder> builders) throws Exception {
        for (RoutesBuilder builder : builders) {
            if (builder instanceof RouteConfigurationsBuilder configurations) {
                context.addRoutesConfigurations(configurations);
            }
        }
        for (RoutesBuilder builder : builders) {
            context.addRoutes(builder);
        }
        for (RoutesBuilder builder : builders) {
            context.addTemplatedRoutes(builder);
        }
    }

    private static String describe(RouteFile file) {
        return (file.shipped() ? "the shipped " : "") + file.name();
    }
}
