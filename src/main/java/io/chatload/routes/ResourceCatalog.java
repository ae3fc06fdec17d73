package io.chatload.routes;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import io.chatload.config.SourceConfig;
import io.chatload.load.SchemaContract;
import io.chatload.load.WriteDisposition;
import io.chatload.load.naming.Naming;
import io.chatload.source.ApiClients;
import io.chatload.source.AuthScheme;
import io.chatload.source.DataSelector;
import io.chatload.source.HttpSettings;
import io.chatload.source.Paginators;
import java.util.ArrayList;
import java.util.Arrays;
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
 * Every resource the routes folder declared, checked as its route is created from the template. Knows which sources
 * are enabled (have a credential), registers each enabled source's HTTP client once, and answers the runner's
 * questions: which resources exist, which run first.
 */
public final class ResourceCatalog {

    /** Template parameters the catalog computes for each route: its trigger endpoint and whether it starts. */
    static final String TRIGGER = "chatloadTrigger";
    static final String ENABLED = "chatloadEnabled";
    private static final Pattern RESOURCE_ID = Pattern.compile("([a-z0-9_-]+)\\.([a-z0-9_-]+)");

    private final ChatloadConfig config;
    private final java.util.function.Function<String, HttpSettings> httpSettings;
    private final Consumer<String> notices;
    private final Map<String, ResourceSpec> specs = new LinkedHashMap<>();
    private final Map<String, SourceConfig> sources = new LinkedHashMap<>();

    /** @param httpSettings each source's HTTP client settings (timeouts, connections) */
    public ResourceCatalog(ChatloadConfig config, java.util.function.Function<String, HttpSettings> httpSettings,
                           Consumer<String> notices) {
        this.config = config;
        this.httpSettings = httpSettings;
        this.notices = notices;
    }

    /**
     * Called by Camel for each resource file, with that file's parameters, before its route is built: checks the
     * file and fills in the trigger, which depends on the source defaults.
     */
    synchronized void register(RouteTemplateContext rtc) {
        RouteDefinition route = definitionOf(rtc);
        ResourceSpec spec = check(route.getId(), rtc.getParameters(), rtc.getCamelContext());
        if (specs.containsKey(spec.id())) {
            throw new ConfigException("resource " + spec.id() + " is declared twice: give one of the files another routeId");
        }
        SourceConfig sourceConfig = source(spec.source());
        if (sourceConfig.enabled()) {
            ApiClients.register(rtc.getCamelContext(), spec.httpComponent(), sourceConfig, spec.auth(),
                    httpSettings.apply(spec.source()));
        }
        // the route's own parameter map, which its placeholders resolve against
        route.getTemplateParameters().put(TRIGGER, spec.isChild() ? childEndpoint(spec.id()) : spec.schedule().quartzUri(spec.id()));
        route.getTemplateParameters().put(ENABLED, Boolean.toString(sourceConfig.enabled()));
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
        SourceDefaults defaults = defaults(context, source, resourceId);
        try {
            return build(params, source, id.group(2), defaults);
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

    private static ResourceSpec build(Map<String, Object> p, String source, String name, SourceDefaults d) {
        String schema = d.getSchema() == null || d.getSchema().isBlank() ? source + "_data" : d.getSchema();
        String path = text(p, ResourceParameter.PATH);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must start with /");
        }
        ParentLink parent = parentLink(p, source);
        ParentQuery query = parentQuery(p, source);
        if (query != null && parent != null) {
            throw new IllegalArgumentException("a resource has either a parent or a parentQuery, not both");
        }
        AuthScheme sourceAuth = new AuthScheme(d.getAuthHeader(), d.getAuthScheme());
        AuthScheme auth = new AuthScheme(or(p, ResourceParameter.AUTH_HEADER, d.getAuthHeader()),
                or(p, ResourceParameter.AUTH_SCHEME, d.getAuthScheme()));
        String httpComponent = auth.equals(sourceAuth) ? ApiClients.componentName(source) : ApiClients.componentName(source, auth);
        if (parent == null && query == null && PathTemplate.hasPlaceholders(path)) {
            throw new IllegalArgumentException("path '" + path + "' uses {parent.…} but the resource has no parent");
        }
        if (parent != null && p.containsKey(ResourceParameter.SCHEDULE.key())) {
            throw new IllegalArgumentException("a child resource runs with its parent " + parent.resource() + ": remove its schedule");
        }
        String table = or(p, ResourceParameter.TABLE, name);
        Paging paging = new Paging(Paginators.validate(or(p, ResourceParameter.PAGINATOR, d.getPaginator())),
                or(p, ResourceParameter.PAGE_PARAM, d.getPageParam()),
                or(p, ResourceParameter.PAGE_SIZE_PARAM, d.getPageSizeParam()),
                positive(p, ResourceParameter.PAGE_SIZE, d.getPageSize()), positive(p, ResourceParameter.MAX_PAGES, d.getMaxPages()));
        List<String> key = list(or(p, ResourceParameter.PRIMARY_KEY, d.getPrimaryKey()));
        WriteDisposition disposition = WriteDisposition.parse(or(p, ResourceParameter.WRITE_DISPOSITION, d.getWriteDisposition()));
        if (disposition == WriteDisposition.MERGE && key.isEmpty()) {
            throw new IllegalArgumentException("writeDisposition merge needs a primaryKey");
        }
        return new ResourceSpec(source, name, schema, Naming.of(d.getNaming()), path,
                DataSelector.parse(or(p, ResourceParameter.DATA_SELECTOR, d.getDataSelector())),
                paging, table, key, disposition,
                Schedule.parse(or(p, ResourceParameter.SCHEDULE, d.getSchedule())), parent, incremental(p),
                list(or(p, ResourceParameter.EXCLUDE_FIELDS, "")), auth, httpComponent, query, contract(p, d));
    }

    /** The source's contract, then the resource's keys over it; the limits from the resource, else the source. */
    private static SchemaContract contract(Map<String, Object> p, SourceDefaults d) {
        int nesting = positiveOrZero(p, ResourceParameter.MAX_TABLE_NESTING, d.getMaxTableNesting());
        int columns = positive(p, ResourceParameter.MAX_COLUMNS, d.getMaxColumns());
        try {
            return SchemaContract.EVOLVE.withLimits(nesting, columns).withModes(d.getSchemaContract())
                    .withModes(or(p, ResourceParameter.SCHEMA_CONTRACT, ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schemaContract: " + e.getMessage());
        }
    }

    private static ParentLink parentLink(Map<String, Object> p, String source) {
        String parent = or(p, ResourceParameter.PARENT, "");
        if (parent.isEmpty()) {
            if (p.containsKey(ResourceParameter.PARENT_FIELDS.key())) {
                throw new IllegalArgumentException("parentFields needs a parent");
            }
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : list(or(p, ResourceParameter.PARENT_FIELDS, ""))) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("parentFields entry '" + pair + "' is not child_field=parent_field");
            }
            fields.put(parts[0].trim(), parts[1].trim());
        }
        return new ParentLink(parent.contains(".") ? parent : source + "." + parent, fields);
    }

    private static ParentQuery parentQuery(Map<String, Object> p, String source) {
        String sql = or(p, ResourceParameter.PARENT_QUERY, "");
        List<String> after = list(or(p, ResourceParameter.AFTER, "")).stream()
                .map(a -> a.contains(".") ? a : source + "." + a).toList();
        if (sql.isEmpty()) {
            if (!after.isEmpty()) {
                throw new IllegalArgumentException("after needs a parentQuery");
            }
            return null;
        }
        return new ParentQuery(sql, after);
    }

    private static Incremental incremental(Map<String, Object> p) {
        String cursor = or(p, ResourceParameter.CURSOR_FIELD, "");
        String doneWhen = or(p, ResourceParameter.DONE_WHEN, "");
        if (cursor.isEmpty() && doneWhen.isEmpty()) {
            return null;
        }
        String[] done = doneWhen.split("=", 2);
        if (!doneWhen.isEmpty() && (done.length != 2 || done[0].isBlank())) {
            throw new IllegalArgumentException("doneWhen '" + doneWhen + "' is not field=value");
        }
        boolean sorted = Boolean.parseBoolean(or(p, ResourceParameter.SORTED_BY_CURSOR, "false"));
        if (sorted && cursor.isEmpty()) {
            throw new IllegalArgumentException("sortedByCursor needs a cursorField");
        }
        return new Incremental(cursor.isEmpty() ? null : cursor, sorted, doneWhen.isEmpty() ? null : done[0].trim(),
                doneWhen.isEmpty() ? null : done[1].trim());
    }

    private static int positive(Map<String, Object> p, ResourceParameter param, int fallback) {
        String v = or(p, param, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param.key() + " '" + v + "' must be a whole number of at least 1");
        }
    }

    private static int positiveOrZero(Map<String, Object> p, ResourceParameter param, int fallback) {
        String v = or(p, param, Integer.toString(fallback));
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param.key() + " '" + v + "' must be a whole number of at least 0");
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private SourceDefaults defaults(CamelContext context, String source, String id) {
        SourceDefaults d = context.getRegistry().lookupByNameAndType(source, SourceDefaults.class);
        if (d == null) {
            throw new ConfigException("resource " + id + ": source '" + source + "' has no defaults: add "
                    + "routes/" + source + "/_source.yaml declaring a bean named '" + source + "'");
        }
        return d;
    }

    private SourceConfig source(String source) {
        SourceConfig existing = sources.get(source);
        if (existing != null) {
            return existing;
        }
        SourceConfig sc = config.source(source);
        if (!sc.enabled()) {
            notices.accept(source + ": source disabled, " + sc.credentialProperty() + " is not set (set it in the "
                    + "environment or application.properties to load " + source + ")");
        }
        sources.put(source, sc);
        return sc;
    }

    private static String text(Map<String, Object> p, ResourceParameter param) {
        Object v = p.get(param.key());
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("the required parameter '" + param.key() + "' is missing");
        }
        return v.toString().trim();
    }

    private static String describe(Map<String, Object> p) {
        return p.isEmpty() ? "no parameters" : "parameters " + new TreeMap<>(p);
    }

    private static String or(Map<String, Object> p, ResourceParameter param, String fallback) {
        Object v = p.get(param.key());
        return v == null ? fallback : v.toString().trim();
    }

    public synchronized Collection<ResourceSpec> all() {
        return List.copyOf(specs.values());
    }

    public synchronized boolean enabled(ResourceSpec spec) {
        SourceConfig sc = sources.get(spec.source());
        return sc != null && sc.enabled();
    }

    public synchronized SourceConfig sourceConfig(String source) {
        return sources.get(source);
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
    public synchronized void validate() {
        for (ResourceSpec spec : specs.values()) {
            checkLinks(spec, specs);
        }
    }

    /**
     * Checks that the resources would still fit together if those {@code removed} were dropped and those
     * {@code added} registered (an edited file removes its old resources and adds its new ones): the added ones'
     * parents and 'after' resources exist, and no remaining resource names a removed one. Changes nothing.
     */
    public synchronized void checkChange(Set<String> removed, Collection<ResourceSpec> added) {
        Map<String, ResourceSpec> after = new LinkedHashMap<>(specs);
        after.keySet().removeAll(removed);
        for (ResourceSpec spec : added) {
            if (after.putIfAbsent(spec.id(), spec) != null) {
                throw new ConfigException("resource " + spec.id() + " is declared twice: give one of the files another routeId");
            }
        }
        for (ResourceSpec spec : added) {
            checkLinks(spec, after);
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

    /** Forgets resources whose routes were removed, so that their files may declare them again. */
    public synchronized void drop(Collection<String> ids) {
        specs.keySet().removeAll(ids);
    }

    /** What single files cannot check: the resources a spec names exist, in its source, and form no loop. */
    private static void checkLinks(ResourceSpec spec, Map<String, ResourceSpec> specs) {
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
                    throw new ConfigException("resource " + s.id() + " was selected but its source is disabled: set "
                            + sources.get(s.source()).credentialProperty());
                }
                addWithDescendants(s, chosen);
                for (ResourceSpec a = s; a.isChild(); ) {
                    a = specs.get(a.parent().resource());
                    chosen.add(a.id());
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new ConfigException("unknown resource(s) " + String.join(", ", unknown) + ": known are "
                    + String.join(", ", specs.keySet()));
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
