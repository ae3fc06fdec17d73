package io.chatload.routes;

import io.chatload.load.SchemaContract;
import io.chatload.load.WriteDisposition;
import io.chatload.load.naming.Naming;
import io.chatload.source.ApiClients;
import io.chatload.source.DataSelector;
import io.chatload.source.PaginatorSpec;
import io.chatload.source.auth.AuthSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one resource file's parameters into a {@link ResourceSpec}: each value from the file, else from the source's
 * {@link SourceDefaults}, checked. A mistake is an {@link IllegalArgumentException} whose message names the parameter.
 */
final class ResourceFile {

    /** The {@code parentQuery} placeholder of the resource's schema: each instance of a vendor queries its own. */
    static final String SCHEMA_PLACEHOLDER = "{schema}";

    private final Map<String, Object> p;
    private final SourceDefaults d;
    /** The vendor whose file this is: its resource ids ({@code chaport.visitors}) mean the source's own. */
    private final String vendor;
    /** The vendor's own schema, which an instance's queries must not read. */
    private final String vendorSchema;

    private ResourceFile(Map<String, Object> parameters, SourceDefaults defaults, String vendor, String vendorSchema) {
        this.p = parameters;
        this.d = defaults;
        this.vendor = vendor;
        this.vendorSchema = vendorSchema;
    }

    static ResourceSpec read(Map<String, Object> parameters, String source, String name, SourceDefaults defaults) {
        return read(parameters, source, name, defaults, source, defaults.schemaOf(source));
    }

    /**
     * A resource of a source, declared by its vendor's file ({@code vendor} is the source itself but for another
     * account of the vendor): the vendor's resource ids mean the source's own.
     */
    static ResourceSpec read(Map<String, Object> parameters, String source, String name, SourceDefaults defaults,
                             String vendor, String vendorSchema) {
        return new ResourceFile(parameters, defaults, vendor, vendorSchema).build(source, name);
    }

    private ResourceSpec build(String source, String name) {
        String schema = d.schemaOf(source);
        String path = text(ResourceParameter.PATH);
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path '" + path + "' must start with /");
        }
        ParentLink parent = parentLink(source);
        ParentQuery query = parentQuery(source, schema);
        if (query != null && parent != null) {
            throw new IllegalArgumentException("a resource has either a parent or a parentQuery, not both");
        }
        AuthSpec auth = auth(true);
        String httpComponent = auth.equals(auth(false)) ? ApiClients.componentName(source) : ApiClients.componentName(source, auth);
        if (parent == null && query == null && PathTemplate.hasPlaceholders(path)) {
            throw new IllegalArgumentException("path '" + path + "' uses {parent.…} but the resource has no parent");
        }
        if (parent != null && p.containsKey(ResourceParameter.SCHEDULE.key())) {
            throw new IllegalArgumentException("a child resource runs with its parent " + parent.resource() + ": remove its schedule");
        }
        String table = or(ResourceParameter.TABLE, name);
        List<String> key = list(value(ResourceParameter.PRIMARY_KEY));
        WriteDisposition disposition = WriteDisposition.parse(value(ResourceParameter.WRITE_DISPOSITION));
        if (disposition == WriteDisposition.MERGE && key.isEmpty()) {
            throw new IllegalArgumentException("writeDisposition merge needs a primaryKey");
        }
        return new ResourceSpec(source, name, schema, Naming.of(d.getNaming()), path,
                DataSelector.parse(value(ResourceParameter.DATA_SELECTOR)), paging(), table, key, disposition,
                Schedule.parse(value(ResourceParameter.SCHEDULE)), parent, incremental(),
                list(or(ResourceParameter.EXCLUDE_FIELDS, "")), auth, httpComponent, query, contract());
    }

    private Paging paging() {
        Map<String, String> settings = new LinkedHashMap<>();
        for (ResourceParameter setting : ResourceParameter.PAGINATOR_SETTINGS) {
            String v = value(setting);
            if (v != null && !v.isBlank()) {
                settings.put(setting.key(), v);
            }
        }
        return new Paging(new PaginatorSpec(value(ResourceParameter.PAGINATOR), settings),
                value(ResourceParameter.PAGE_PARAM), value(ResourceParameter.PAGE_SIZE_PARAM),
                positive(ResourceParameter.PAGE_SIZE), positive(ResourceParameter.MAX_PAGES));
    }

    /** The resource's auth, or with {@code ownValues} false the source's: a resource that differs gets its own client. */
    private AuthSpec auth(boolean ownValues) {
        java.util.function.Function<ResourceParameter, String> v = ownValues ? this::value : d::value;
        String expiration = v.apply(ResourceParameter.DEFAULT_TOKEN_EXPIRATION);
        int seconds;
        try {
            seconds = Integer.parseInt(expiration == null
                    ? ResourceParameter.DEFAULT_TOKEN_EXPIRATION.fallback().value() : expiration.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("defaultTokenExpiration '" + expiration + "' must be a whole number of seconds");
        }
        return AuthSpec.parse(v.apply(ResourceParameter.AUTH), v.apply(ResourceParameter.AUTH_HEADER),
                v.apply(ResourceParameter.AUTH_SCHEME), v.apply(ResourceParameter.AUTH_LOCATION),
                v.apply(ResourceParameter.AUTH_NAME), v.apply(ResourceParameter.ACCESS_TOKEN_URL),
                v.apply(ResourceParameter.SCOPE), seconds);
    }

    /** The source's contract, then the resource's keys over it; the limits from the resource, else the source. */
    private SchemaContract contract() {
        int nesting = number(ResourceParameter.MAX_TABLE_NESTING, 0);
        int columns = positive(ResourceParameter.MAX_COLUMNS);
        try {
            return SchemaContract.EVOLVE.withLimits(nesting, columns).withModes(d.value(ResourceParameter.SCHEMA_CONTRACT))
                    .withModes(or(ResourceParameter.SCHEMA_CONTRACT, ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("schemaContract: " + e.getMessage());
        }
    }

    private ParentLink parentLink(String source) {
        String parent = or(ResourceParameter.PARENT, "");
        if (parent.isEmpty()) {
            if (p.containsKey(ResourceParameter.PARENT_FIELDS.key())) {
                throw new IllegalArgumentException("parentFields needs a parent");
            }
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : list(or(ResourceParameter.PARENT_FIELDS, ""))) {
            String[] parts = pair.split("=", 2);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException("parentFields entry '" + pair + "' is not child_field=parent_field");
            }
            fields.put(parts[0].trim(), parts[1].trim());
        }
        return new ParentLink(resourceId(parent, source), fields);
    }

    /** A resource named in a file: {@code visitors} or {@code <vendor>.visitors}, both the source's own. */
    private String resourceId(String named, String source) {
        if (!named.contains(".")) {
            return source + "." + named;
        }
        return named.startsWith(vendor + ".") ? source + named.substring(vendor.length()) : named;
    }

    private ParentQuery parentQuery(String source, String schema) {
        String sql = or(ResourceParameter.PARENT_QUERY, "").replace(SCHEMA_PLACEHOLDER, schema);
        if (!vendor.equals(source) && !schema.equalsIgnoreCase(vendorSchema)
                && sql.toLowerCase(Locale.ROOT).contains(vendorSchema.toLowerCase(Locale.ROOT) + ".")) {
            throw new IllegalArgumentException("its parentQuery names the schema " + vendorSchema + " of " + vendor
                    + ": write " + SCHEMA_PLACEHOLDER + " instead, so that each account queries its own");
        }
        List<String> after = list(or(ResourceParameter.AFTER, "")).stream()
                .map(a -> resourceId(a, source)).toList();
        if (sql.isEmpty()) {
            if (!after.isEmpty()) {
                throw new IllegalArgumentException("after needs a parentQuery");
            }
            return null;
        }
        return new ParentQuery(sql, after);
    }

    private Incremental incremental() {
        String cursor = or(ResourceParameter.CURSOR_FIELD, "");
        String doneWhen = or(ResourceParameter.DONE_WHEN, "");
        if (cursor.isEmpty() && doneWhen.isEmpty()) {
            return null;
        }
        String[] done = doneWhen.split("=", 2);
        if (!doneWhen.isEmpty() && (done.length != 2 || done[0].isBlank())) {
            throw new IllegalArgumentException("doneWhen '" + doneWhen + "' is not field=value");
        }
        boolean sorted = Boolean.parseBoolean(or(ResourceParameter.SORTED_BY_CURSOR,
                ResourceParameter.SORTED_BY_CURSOR.fallback().value()));
        if (sorted && cursor.isEmpty()) {
            throw new IllegalArgumentException("sortedByCursor needs a cursorField");
        }
        return new Incremental(cursor.isEmpty() ? null : cursor, sorted, doneWhen.isEmpty() ? null : done[0].trim(),
                doneWhen.isEmpty() ? null : done[1].trim());
    }

    private int positive(ResourceParameter param) {
        return number(param, 1);
    }

    private int number(ResourceParameter param, int min) {
        String v = value(param);
        try {
            int n = Integer.parseInt(v == null ? "" : v.trim());
            if (n < min) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(param.key() + " '" + v + "' must be a whole number of at least " + min);
        }
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated == null ? new String[0] : commaSeparated.split(","))
                .map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private String text(ResourceParameter param) {
        Object v = p.get(param.key());
        if (v == null || v.toString().isBlank()) {
            throw new IllegalArgumentException("the required parameter '" + param.key() + "' is missing");
        }
        return v.toString().trim();
    }

    /** The file's value, else the source's. */
    private String value(ResourceParameter param) {
        Object v = p.get(param.key());
        return v == null ? d.value(param) : v.toString().trim();
    }

    /** The file's value, else {@code fallback}: for parameters that are not source defaults. */
    private String or(ResourceParameter param, String fallback) {
        Object v = p.get(param.key());
        return v == null ? fallback : v.toString().trim();
    }
}
