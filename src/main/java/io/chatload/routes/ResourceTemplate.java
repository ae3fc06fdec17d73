package io.chatload.routes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.apache.camel.model.TemplatedRouteDefinition;

/**
 * The route template every resource file instantiates ({@code routeTemplateRef: chatload-resource}, with
 * {@code routeId: <source>.<name>}). Its parameters are documented once, in {@link ResourceParameter}. The route it
 * makes is only the trigger: a stateful Quartz timer (a child resource: the {@code direct:} endpoint its parent's
 * runs send to) that hands over to the run engine at {@code handOff}, where the fetch-split-paginate-write mechanics
 * live once for all resources.
 */
public final class ResourceTemplate extends RouteBuilder {

    public static final String ID = "chatload-resource";

    private final ResourceCatalog catalog;
    private final String handOff;

    /** @param handOff the engine's endpoint that takes each firing (it knows the resource by the route's id) */
    public ResourceTemplate(ResourceCatalog catalog, String handOff) {
        this.catalog = catalog;
        this.handOff = handOff;
    }

    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(ID);
        template.setTemplateParameters(parameters());
        // the catalog sets each route's trigger and whether it starts, by the resource file's parameters
        template.configure(catalog::register)
                .from(ResourceCatalog.UNBOUND)
                .to(handOff);
    }

    /**
     * Each parameter as Camel's tooling shows it: required or not, a default where it is the same for every source
     * (a source default is not Camel's: it would be filled in before the catalog could take the source's), and
     * its meaning with what it is when unset.
     */
    static List<RouteTemplateParameterDefinition> parameters() {
        List<RouteTemplateParameterDefinition> parameters = new ArrayList<>();
        for (ResourceParameter p : ResourceParameter.values()) {
            ResourceParameter.Default fallback = p.fallback();
            boolean saidByCamel = fallback.required() || fallback.templateDefault() != null;
            String unset = saidByCamel ? "" : " Default: " + fallback.describe() + ".";
            RouteTemplateParameterDefinition parameter = new RouteTemplateParameterDefinition(p.key(),
                    fallback.templateDefault(), p.description() + unset);
            parameter.setRequired(fallback.required());
            parameters.add(parameter);
        }
        return parameters;
    }

    /**
     * The parameters a resource file gave: those Camel filled in with the template's default, and the required ones
     * {@link #leaveMissingToCatalog} gave as empty, taken out, so that the catalog's messages name what the file says
     * (the catalog falls back to the same default, and finds an empty required parameter as missing as an absent one).
     */
    static Map<String, Object> given(Map<String, Object> parameters) {
        Map<String, Object> given = new LinkedHashMap<>(parameters);
        for (ResourceParameter p : ResourceParameter.values()) {
            Object value = given.get(p.key());
            String fixed = p.fallback().templateDefault();
            if (value != null && (value.toString().equals(fixed) || p.required() && value.toString().isBlank())) {
                given.remove(p.key());
            }
        }
        return given;
    }

    /**
     * Gives each required parameter the file left out as empty, so that the catalog says it is missing rather than
     * Camel: Camel's message names neither the file nor the resource and stops every source, the catalog's names the
     * resource and disables its source alone, as for any other mistake in a file.
     */
    public static void leaveMissingToCatalog(TemplatedRouteDefinition templated) {
        if (!ID.equals(templated.getRouteTemplateRef())) {
            return;
        }
        Set<String> given = new HashSet<>();
        if (templated.getParameters() != null) {
            templated.getParameters().forEach(p -> given.add(p.getName()));
        }
        for (ResourceParameter p : ResourceParameter.values()) {
            if (p.required() && !given.contains(p.key())) {
                templated.parameter(p.key(), "");
            }
        }
    }
}
