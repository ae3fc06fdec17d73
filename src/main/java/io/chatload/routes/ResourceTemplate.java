package io.chatload.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

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
        // all optional for Camel: the catalog checks them itself, so every mistake gets the same kind of message
        for (ResourceParameter p : ResourceParameter.values()) {
            template.templateOptionalParameter(p.key(), (p.required() ? "Required. " : "") + p.description());
        }
        // the catalog sets each route's trigger and whether it starts, by the resource file's parameters
        template.configure(catalog::register)
                .from(ResourceCatalog.UNBOUND)
                .to(handOff);
    }
}
