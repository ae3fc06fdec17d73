package io.chatload.runtime;

import io.chatload.config.ConfigException;
import io.chatload.routes.ResourceCatalog;
import io.chatload.routes.ResourceSpec;
import io.chatload.routes.ResourceTemplate;
import io.chatload.routes.RouteFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;
import org.apache.camel.model.TemplatedRouteParameterDefinition;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;

/**
 * One file's routes as parsed, not yet added, with what the reloader checks before it touches a running route: every
 * route has an id, no id twice in the file, and the catalog accepts each resource.
 *
 * @param builders the file's routes, for {@link RouteFiles#add}
 * @param ids      the route ids it declares
 * @param specs    its resources, as the catalog would register them
 */
record ParsedFile(List<RoutesBuilder> builders, Set<String> ids, List<ResourceSpec> specs) {

    static ParsedFile parse(CamelContext context, ResourceCatalog catalog, String location, String content) throws Exception {
        List<RoutesBuilder> builders = List.copyOf(PluginHelper.getRoutesLoader(context)
                .findRoutesBuilders(ResourceHelper.fromString(location, content)));
        Set<String> ids = new LinkedHashSet<>();
        List<ResourceSpec> specs = new ArrayList<>();
        for (RoutesBuilder builder : builders) {
            if (!(builder instanceof RouteBuilder rb)) {
                throw new ConfigException("cannot tell which routes it declares: only YAML and XML files are reloaded");
            }
            rb.configureRoutes(context); // a required parameter left out: the catalog's check below names it
            catalog.addInstances(rb, context); // the source instances' copies of a vendor's resources, with the file
            for (RouteDefinition route : rb.getRouteCollection().getRoutes()) {
                addId(ids, route.getRouteId(), "a route");
            }
            for (TemplatedRouteDefinition templated : rb.getTemplatedRouteCollection().getTemplatedRoutes()) {
                String ref = templated.getRouteTemplateRef();
                if (ResourceTemplate.ID.equals(ref)) {
                    specs.add(catalog.check(templated.getRouteId(), parameters(templated), context));
                } else if (((ModelCamelContext) context).getRouteTemplateDefinition(ref) == null) {
                    throw new ConfigException("routeTemplateRef '" + ref + "' is not a route template: use "
                            + ResourceTemplate.ID);
                }
                addId(ids, templated.getRouteId(), "a templatedRoute");
            }
        }
        return new ParsedFile(builders, ids, specs);
    }

    private static void addId(Set<String> ids, String id, String what) {
        if (id == null || id.isBlank()) {
            throw new ConfigException(what + " has no routeId, so it could not be replaced later: give it one");
        }
        if (!ids.add(id)) {
            throw new ConfigException("routeId " + id + " is declared twice in the file: give one of them another routeId");
        }
    }

    private static Map<String, Object> parameters(TemplatedRouteDefinition templated) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (templated.getParameters() != null) {
            for (TemplatedRouteParameterDefinition p : templated.getParameters()) {
                params.put(p.getName(), p.getValue());
            }
        }
        return params;
    }
}
