package io.chatload.routes;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.config.SourceConfig;
import io.chatload.source.ApiClients;
import io.chatload.source.HttpSettings;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.RouteTemplateContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;

/**
 * Every resource the routes folder declared, checked as its route is created from the template (by
 * {@link ResourceFile}). Knows which sources can load ({@link SourceStates}: a source with a missing setting or a
 * broken file stays disabled with one line, the others load), registers each such source's HTTP client once, and
 * answers the runner's questions: which resources exist, which run first.
 */
public final class ResourceCatalog {

    /**
     * The endpoint the template's routes are written with, until the catalog gives each its trigger; set on the route's
     * definition, not as template parameters, which Camel would list among a host's properties at start.
     */
    static final String UNBOUND = "direct:chatload-unbound-trigger";
    static final Pattern RESOURCE_ID = Pattern.compile("([a-z0-9_-]+)\\.([a-z0-9_-]+)");

    private final java.util.function.Function<String, HttpSettings> httpSettings;
    private final Map<String, ResourceSpec> specs = new LinkedHashMap<>();
    private final SourceStates sources;
    /** {@value #SCHEDULES}: false leaves every Quartz trigger stopped; resources then run on demand only. */
    static final String SCHEDULES = "chatload.schedules.enabled";
    private final boolean scheduled;
    /** Each resource's route, to disable it if its source turns out broken by a later file. */
    private final Map<String, RouteDefinition> routes = new LinkedHashMap<>();
    private final InstanceRoutes instances;

    /** @param httpSettings each source's HTTP client settings (timeouts, connections) */
    public ResourceCatalog(ChatloadConfig config, java.util.function.Function<String, HttpSettings> httpSettings,
                           Consumer<String> notices) {
        this.httpSettings = httpSettings;
        this.scheduled = config.getBoolean(SCHEDULES, true);
        this.sources = new SourceStates(config, notices);
        this.instances = new InstanceRoutes(config);
    }

    /**
     * Adds to a resource file's routes, parsed but not yet created, the copies its vendor resources make for each
     * source instance of that vendor ({@code chaport.visitors} -> {@code chaport_eu.visitors}). Call it after the
     * source defaults ({@code _source.yaml}) are bound, before the file's templated routes are added to Camel.
     */
    public void addInstances(org.apache.camel.builder.RouteBuilder file, CamelContext context) {
        instances.addTo(file, context);
    }

    /**
     * Called by Camel for each resource file, with that file's parameters, before its route is built: checks the
     * file and fills in the trigger, which depends on the source defaults.
     */
    synchronized void register(RouteTemplateContext rtc) {
        RouteDefinition route = definitionOf(rtc);
        ResourceSpec spec;
        try {
            spec = check(route.getId(), ResourceTemplate.given(rtc.getParameters()), rtc.getCamelContext());
        } catch (ConfigException e) {
            Matcher id = RESOURCE_ID.matcher(route.getId() == null ? "" : route.getId());
            if (!id.matches()) {
                throw e; // no source to blame: the file itself is unreadable
            }
            // this source's mistake: it stays disabled, the other sources load
            sources.broken(id.group(1), e.getMessage());
            bind(route, childEndpoint(route.getId()), false);
            return;
        }
        if (specs.containsKey(spec.id())) {
            throw new ConfigException("resource " + spec.id() + " is declared twice: give one of the files another routeId");
        }
        SourceConfig sourceConfig = sources.settings(spec);
        sources.claimSchema(spec, sourceConfig);
        if (sources.ready(spec.source())) {
            ApiClients.register(rtc.getCamelContext(), spec.httpComponent(), sourceConfig, spec.auth(),
                    httpSettings.apply(spec.source()));
        }
        bind(route, spec.isChild() ? childEndpoint(spec.id()) : spec.schedule().quartzUri(spec.id()),
                sources.ready(spec.source()) && (spec.isChild() || scheduled));
        routes.put(spec.id(), route);
        specs.put(spec.id(), spec);
    }

    /**
     * The resource a file's {@code routeId} and parameters declare, checked as {@link #register} checks it but not
     * registered: lets the routes reloader refuse a broken file before it touches the route that runs.
     */
    public synchronized ResourceSpec check(String routeId, Map<String, Object> params, CamelContext context) {
        Matcher id = RESOURCE_ID.matcher(routeId == null ? "" : routeId);
        if (!id.matches()) {
            throw new ConfigException("a resource file (" + describe(params) + ") needs 'routeId: <source>.<name>' in lower "
                    + "case, e.g. routeId: chaport.visitors; found '" + routeId + "'");
        }
        String source = id.group(1);
        String resourceId = id.group(0);
        for (String key : params.keySet()) {
            if (!ResourceParameter.isKnown(key)) {
                throw new ConfigException("resource " + resourceId + ": unknown parameter '" + key + "' (known: "
                        + ResourceParameter.known() + ")");
            }
        }
        SourceConfig settings = sources.settingsOf(source);
        // a source with defaults of its own is its own vendor (an instance named so is refused, see InstanceRoutes)
        String vendor = context.getRegistry().lookupByNameAndType(source, SourceDefaults.class) != null
                ? source : settings.vendor();
        SourceDefaults vendorDefaults = defaults(context, vendor, resourceId);
        SourceDefaults defaults = vendorDefaults.overriddenBy(settings.schema(), settings.schedule());
        try {
            return ResourceFile.read(params, source, id.group(2), defaults, vendor, vendorDefaults.schemaOf(vendor));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("resource " + resourceId + ": " + e.getMessage());
        }
    }

    private static RouteDefinition definitionOf(RouteTemplateContext rtc) {
        return ((ModelCamelContext) rtc.getCamelContext()).getRouteDefinitions().stream()
                .filter(d -> d.getRouteTemplateContext() == rtc)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no route definition for template parameters " + rtc.getParameters()));
    }

    /** Where a parent's records are sent to run a child resource. */
    public static String childEndpoint(String resourceId) {
        return "direct:" + resourceId;
    }

    private static SourceDefaults defaults(CamelContext context, String source, String id) {
        SourceDefaults d = context.getRegistry().lookupByNameAndType(source, SourceDefaults.class);
        if (d == null) {
            throw new ConfigException("resource " + id + ": source '" + source + "' has no defaults: add "
                    + "routes/" + source + "/_source.yaml declaring a bean named '" + source + "'");
        }
        return d;
    }

    private static String describe(Map<String, Object> p) {
        return p.isEmpty() ? "no parameters" : "parameters " + new TreeMap<>(p);
    }

    public synchronized Collection<ResourceSpec> all() {
        return List.copyOf(specs.values());
    }

    public synchronized boolean enabled(ResourceSpec spec) {
        return sources.ready(spec.source());
    }

    public synchronized SourceConfig sourceConfig(String source) {
        return sources.config(source);
    }

    /** The sources disabled by a mistake in one of their files, one line each; {@code run --once} then exits 1. */
    public synchronized List<String> brokenSources() {
        return sources.broken();
    }

    /** Why each disabled source cannot load, one line each naming what to set; empty when every source can. */
    public synchronized List<String> disabledSources() {
        return sources.reasons();
    }

    public synchronized ResourceSpec get(String id) {
        ResourceSpec spec = specs.get(id);
        if (spec == null) {
            throw new IllegalStateException("unknown resource " + id);
        }
        return spec;
    }

    /**
     * Checks what single files cannot: each child's parent is declared, in the same source, and no resource is its
     * own ancestor. Called once every file is loaded.
     */
    public synchronized void validate(CamelContext context) {
        instances.refusals(context).forEach(sources::broken);
        for (ResourceSpec spec : specs.values()) {
            if (sources.ready(spec.source()) || sources.reason(spec.source()) == null) {
                ResourceLinks.check(spec, specs);
            }
        }
        // a file read later may have disabled a source whose first resources were already registered
        routes.forEach((id, route) -> {
            if (!sources.ready(specs.get(id).source())) {
                route.setAutoStartup("false");
            }
        });
    }

    /** The route's trigger (Quartz, or the direct: endpoint a parent's runs send to) and whether it starts. */
    private static void bind(RouteDefinition route, String trigger, boolean starts) {
        route.getInput().setUri(trigger);
        route.setAutoStartup(Boolean.toString(starts));
    }

    /**
     * Checks that the resources would still fit together if those {@code removed} were dropped and those
     * {@code added} registered (an edited file removes its old resources and adds its new ones): the added ones'
     * parents and 'after' resources exist, and no remaining resource names a removed one. Changes nothing.
     */
    public synchronized void checkChange(Set<String> removed, Collection<ResourceSpec> added) {
        ResourceLinks.checkChange(specs, removed, added);
    }

    /** Forgets resources whose routes were removed, so that their files may declare them again. */
    public synchronized void drop(Collection<String> ids) {
        specs.keySet().removeAll(ids);
    }

    /**
     * The resources a run covers: every enabled one, or those named ({@code visitors} or {@code chaport.visitors})
     * with everything below them and the parents that feed them. A name that matches nothing, or a resource of a
     * source without credentials, is a usage error.
     */
    public synchronized Set<String> select(List<String> names) {
        Set<String> chosen = new LinkedHashSet<>();
        if (names.isEmpty()) {
            specs.values().stream().filter(this::enabled).forEach(s -> chosen.add(s.id()));
            return chosen;
        }
        Set<String> unknown = new TreeSet<>();
        for (String n : names) {
            List<ResourceSpec> matches = specs.values().stream()
                    .filter(s -> s.id().equals(n) || s.name().equals(n)).toList();
            if (matches.isEmpty()) {
                unknown.add(n);
            }
            for (ResourceSpec s : matches) {
                if (!enabled(s)) {
                    throw new ConfigException("resource " + s.id() + " was selected but its source is disabled: "
                            + sources.reason(s.source()));
                }
                addWithDescendants(s, chosen);
                for (ResourceSpec a = s; a.isChild(); ) {
                    a = specs.get(a.parent().resource());
                    chosen.add(a.id());
                }
            }
        }
        if (!unknown.isEmpty()) {
            String disabled = sources.reasons().isEmpty() ? "" : " (disabled: " + String.join("; ", sources.reasons()) + ")";
            throw new ConfigException("unknown resource(s) " + String.join(", ", unknown) + ": known are "
                    + String.join(", ", specs.keySet()) + disabled);
        }
        return chosen;
    }

    private void addWithDescendants(ResourceSpec spec, Set<String> into) {
        if (into.add(spec.id())) {
            specs.values().stream().filter(c -> c.isChild() && c.parent().resource().equals(spec.id()))
                    .forEach(c -> addWithDescendants(c, into));
        }
    }

    /** A resource and everything below it. */
    public synchronized Set<String> tree(String id) {
        Set<String> ids = new LinkedHashSet<>();
        addWithDescendants(get(id), ids);
        return ids;
    }

    /** The resources of a selection that start a run: those without a parent. */
    public synchronized List<ResourceSpec> roots(Set<String> selection) {
        return specs.values().stream().filter(s -> !s.isChild() && selection.contains(s.id())).toList();
    }

    /** The children of a resource that a selection covers, in file order. */
    public synchronized List<ResourceSpec> children(String parentId, Set<String> selection) {
        return specs.values().stream()
                .filter(s -> s.isChild() && s.parent().resource().equals(parentId) && selection.contains(s.id()))
                .toList();
    }
}
