package io.chatload.cluster;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The {@code chatload.cluster.*} settings: whether the schedule is shared through Quartz's clustered JDBC store, the
 * scheduler name every node of one cluster shares, this node's id, how often nodes check in, how late a firing may be
 * before it is skipped, and the schema of the QRTZ_ tables.
 */
record ClusterSettings(boolean enabled, String name, String nodeId, int checkinIntervalMs, int misfireThresholdMs,
                       String schema) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,80}");
    private static final Pattern SCHEMA = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    static ClusterSettings from(ChatloadConfig config) {
        String enabled = config.get("chatload.cluster.enabled", "false").trim().toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new ConfigException("chatload.cluster.enabled = '" + enabled + "' must be true or false");
        }
        String name = config.get("chatload.cluster.name", "chatload").trim();
        if (!NAME.matcher(name).matches()) {
            throw new ConfigException("chatload.cluster.name = '" + name + "' must be 1 to 80 letters, digits, '.', '_' or '-'");
        }
        String nodeId = config.get("chatload.cluster.node-id", "AUTO").trim();
        if (!NAME.matcher(nodeId).matches()) {
            throw new ConfigException("chatload.cluster.node-id = '" + nodeId + "' must be AUTO or 1 to 80 letters, digits, '.', '_' or '-'");
        }
        String schema = config.get("chatload.cluster.schema", "chatload_quartz").trim();
        if (!SCHEMA.matcher(schema).matches()) {
            throw new ConfigException("chatload.cluster.schema = '" + schema + "' must be a lower-case SQL name such as chatload_quartz");
        }
        return new ClusterSettings(enabled.equals("true"), name, nodeId,
                config.getInt("chatload.cluster.checkin-interval-ms", 5000, 500),
                config.getInt("chatload.cluster.misfire-threshold-ms", 2000, 100), schema);
    }
}
