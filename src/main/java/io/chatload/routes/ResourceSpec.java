package io.chatload.routes;

import io.chatload.load.SchemaContract;
import io.chatload.load.TableTarget;
import io.chatload.load.WriteDisposition;
import io.chatload.load.naming.Naming;
import io.chatload.source.auth.AuthSpec;
import io.chatload.source.DataSelector;
import java.util.List;

/**
 * One resource as its YAML file declares it, with the source's defaults filled in and every value checked.
 * A child resource has a {@link ParentLink} and runs once per record of its parent; an incremental one has a
 * {@link Incremental}; one driven by an SQL query has a {@link ParentQuery}. {@code naming} is the source's naming
 * convention. {@code httpComponent} is the camel-http component that carries its credential scheme;
 * {@code contract} says how far its records may change its tables.
 */
public record ResourceSpec(String source, String name, String schema, Naming naming, String path, DataSelector dataSelector,
                           Paging paging, String table, List<String> primaryKey,
                           WriteDisposition writeDisposition, Schedule schedule, ParentLink parent,
                           Incremental incremental, List<String> excludeFields, AuthSpec auth, String httpComponent,
                           ParentQuery parentQuery, SchemaContract contract) {

    /** {@code chaport.visitors}: the route id, and how {@code --resources} and the summary name it. */
    public String id() {
        return source + "." + name;
    }

    public boolean isChild() {
        return parent != null;
    }

    public TableTarget target() {
        return new TableTarget(schema, table, primaryKey, writeDisposition, contract, naming);
    }
}
