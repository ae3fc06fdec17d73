package io.chatload.routes;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;

/**
 * The route template every resource file instantiates ({@code routeTemplateRef: chatload-resource}, with
 * {@code routeId: <source>.<name>}). Its parameters are documented once, in {@link ResourceParameter}. The route it makes is only the trigger: a stateful Quartz
 * timer that hands the resource to {@link LoadRoutes#RUN}, where the fetch-split-paginate-write mechanics live once
 * for all resources.
 */
public final class ResourceTemplate extends RouteBuilder {

    public static final String ID = "chatload-resource";

    private final ResourceCatalog catalog;

    public ResourceTemplate(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void configure() {
        RouteTemplateDefinition template = routeTemplate(ID);
        // all optional for Camel: the catalog checks them itself, so every mistake gets the same kind of message
        for (ResourceParameter p : ResourceParameter.values()) {
            template.templateOptionalParameter(p.key(), (p.required() ? "Required. " : "") + p.description());
        }
        template.configure(catalog::register)
                .from("{{" + ResourceCatalog.TRIGGER + "}}")
                .autoStartup("{{" + ResourceCatalog.ENABLED + "}}")
                .setProperty(ResourceRunner.RESOURCE, simple("${routeId}"))
                .to(LoadRoutes.RUN);
    }
}
