package io.chatload.routes;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.SourceConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Whether each source can load, decided at its first resource file and again when a file of it is broken: its base
 * URL and the credentials of its auth type must be set, and its files must read. A source that cannot stays disabled
 * with one notice naming it and what to set; the other sources load.
 */
final class SourceStates {

    private final ChatloadConfig config;
    private final Consumer<String> notices;
    private final Map<String, SourceConfig> read = new LinkedHashMap<>();
    /** The sources whose resources registered, checked. */
    private final Map<String, SourceConfig> configs = new LinkedHashMap<>();
    private final Map<String, String> reasons = new LinkedHashMap<>();
    /** Sources disabled by a mistake in their files, not by a setting left out: {@code run --once} then exits 1. */
    private final java.util.Set<String> broken = new java.util.LinkedHashSet<>();

    /** Which source loads into each schema (lower case): two accounts in one schema would mix their rows. */
    private final Map<String, String> schemaOwners = new java.util.HashMap<>();

    SourceStates(ChatloadConfig config, Consumer<String> notices) {
        this.config = config;
        this.notices = notices;
    }

    /** The source's settings as configured, read once; not yet checked (a source is ready once {@link #settings} checked it). */
    SourceConfig settingsOf(String source) {
        return read.computeIfAbsent(source, config::sourceSettings);
    }

    /** The source's settings, checked against the credentials the resource's auth type needs. */
    SourceConfig settings(ResourceSpec spec) {
        SourceConfig source = configs.computeIfAbsent(spec.source(), this::settingsOf);
        if (!reasons.containsKey(spec.source())) {
            String reason = source.problem();
            if (reason == null) {
                List<String> missing = spec.auth().missing(source);
                reason = missing.isEmpty() ? null : missing.get(0) + " is not set (set " + envVariables(missing)
                        + " in the environment, or " + String.join(" and ", missing) + " in application.properties, to load "
                        + spec.source() + ")";
            }
            if (reason != null) {
                disable(spec.source(), reason);
            }
        }
        return source;
    }

    /**
     * The first ready source to load into a schema keeps it; a source instance that would share it with another, or
     * that another instance would share, is disabled with one line.
     */
    void claimSchema(ResourceSpec spec, SourceConfig source) {
        if (!ready(spec.source())) {
            return;
        }
        String schema = spec.schema().toLowerCase(java.util.Locale.ROOT);
        String owner = schemaOwners.get(schema);
        if (owner == null || !ready(owner)) {
            schemaOwners.put(schema, spec.source());
        } else if (!owner.equals(spec.source()) && (source.isInstance() || configs.get(owner).isInstance())) {
            String key = "chatload." + spec.source() + ".schema";
            broken(spec.source(), "its schema " + spec.schema() + " is already " + owner + "'s: set "
                    + ChatloadConfig.envName(key) + " (or " + key + ") to a schema of its own");
        }
    }

    private String envVariables(List<String> keys) {
        return String.join(" and ", keys.stream().map(config::envVariable).toList());
    }

    /** Keeps the source from loading for a mistake in one of its files, with one notice. */
    void broken(String source, String reason) {
        broken.add(source);
        disable(source, reason);
    }

    List<String> broken() {
        return broken.stream().map(source -> source + ": " + reasons.get(source)).toList();
    }

    /** Keeps the source from loading, with one notice; only the first reason is told. */
    void disable(String source, String reason) {
        if (reasons.putIfAbsent(source, reason) == null) {
            notices.accept(source + ": source disabled, " + reason);
        }
    }

    boolean ready(String source) {
        return configs.containsKey(source) && !reasons.containsKey(source);
    }

    SourceConfig config(String source) {
        return configs.get(source);
    }

    /** Why the source is disabled, or null. */
    String reason(String source) {
        return reasons.get(source);
    }

    List<String> reasons() {
        List<String> lines = new ArrayList<>();
        reasons.forEach((source, reason) -> lines.add(source + ": " + reason));
        return lines;
    }
}
