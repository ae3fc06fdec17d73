package io.chatload.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.camel.main.Main;
import org.junit.jupiter.api.Test;

/** The cluster's settings, the Quartz properties made from them, and the QRTZ_ DDL placed in its schema. */
class QuartzClusterTest {

    private static ChatloadConfig config(Map<String, String> settings) {
        return ChatloadConfig.load(Map.of(), new Properties()).with(settings);
    }

    @Test
    void disabledByDefaultLeavesCamelsInMemoryScheduler() {
        Main main = new Main();
        QuartzCluster.configure(main, config(Map.of()));
        assertFalse(ClusterSettings.from(config(Map.of())).enabled());
    }

    @Test
    void anEmbeddedH2DestinationIsAConfigurationErrorNamingTheSetting() {
        ConfigException e = assertThrows(ConfigException.class, () -> QuartzCluster.configure(new Main(),
                config(Map.of("chatload.cluster.enabled", "true", "chatload.db.url", "jdbc:h2:file:./x"))));
        assertTrue(e.getMessage().startsWith("chatload.cluster.enabled=true needs a PostgreSQL or MariaDB destination"), e.getMessage());
        assertTrue(e.getMessage().contains("an embedded H2 database belongs to one process"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void badValuesNameTheirSetting() {
        assertEquals("chatload.cluster.enabled = 'yes' must be true or false", assertThrows(ConfigException.class,
                () -> ClusterSettings.from(config(Map.of("chatload.cluster.enabled", "yes")))).getMessage());
        assertTrue(assertThrows(ConfigException.class, () -> ClusterSettings.from(config(Map.of("chatload.cluster.schema",
                "x; DROP TABLE y")))).getMessage().startsWith("chatload.cluster.schema = "));
    }

    @Test
    void quartzPropertiesDescribeAClusteredPostgresStoreAndHoldNoLogin() {
        ClusterSettings settings = ClusterSettings.from(config(Map.of("chatload.cluster.enabled", "true",
                "chatload.cluster.checkin-interval-ms", "3000", "chatload.db.password", "s3cret")));
        Properties p = QuartzCluster.properties(settings, ClusterDatabase.POSTGRESQL, "chatload_quartz", "ds1");
        assertEquals("org.quartz.impl.jdbcjobstore.JobStoreTX", p.getProperty("org.quartz.jobStore.class"));
        assertEquals("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate", p.getProperty("org.quartz.jobStore.driverDelegateClass"));
        assertEquals("true", p.getProperty("org.quartz.jobStore.isClustered"));
        assertEquals("3000", p.getProperty("org.quartz.jobStore.clusterCheckinInterval"));
        assertEquals("AUTO", p.getProperty("org.quartz.scheduler.instanceId"));
        assertEquals("chatload", p.getProperty("org.quartz.scheduler.instanceName"));
        assertEquals("chatload_quartz.QRTZ_", p.getProperty("org.quartz.jobStore.tablePrefix"));
        assertEquals("ds1", p.getProperty("org.quartz.jobStore.dataSource"));
        assertFalse(p.toString().contains("s3cret"), "the password stays out of Quartz's properties, which Camel logs");
        assertTrue(p.stringPropertyNames().stream().noneMatch(k -> k.startsWith("org.quartz.dataSource.")), p.toString());
    }

    @Test
    void theJarsDdlIsCreateOnlyAndQualifiesTablesButNotIndexNames() {
        List<String> statements = QuartzTables.statements(ClusterDatabase.POSTGRESQL, "cq");
        assertEquals(11, statements.stream().filter(s -> s.startsWith("CREATE TABLE")).count(), String.join("\n", statements));
        assertTrue(statements.stream().noneMatch(s -> s.toUpperCase().contains("DROP") || s.toUpperCase().startsWith("COMMIT")));
        assertTrue(statements.contains("CREATE INDEX IDX_QRTZ_T_J\n  ON cq.QRTZ_TRIGGERS (SCHED_NAME, JOB_NAME, JOB_GROUP)"),
                String.join("\n", statements));
        assertTrue(statements.stream().filter(s -> s.startsWith("CREATE TABLE")).allMatch(s -> s.startsWith("CREATE TABLE cq.QRTZ_")));
    }

    @Test
    void aMariaDbOrMySqlDestinationGetsQuartzsStandardDelegate() {
        assertEquals(ClusterDatabase.MARIADB, ClusterDatabase.of("jdbc:mariadb://db:3306/chat"));
        assertEquals(ClusterDatabase.MARIADB, ClusterDatabase.of("jdbc:mysql://db:3306/chat"));
        assertEquals(ClusterDatabase.POSTGRESQL, ClusterDatabase.of("jdbc:postgresql://db:5432/chat"));
        ClusterSettings settings = ClusterSettings.from(config(Map.of("chatload.cluster.enabled", "true")));
        Properties p = QuartzCluster.properties(settings, ClusterDatabase.MARIADB, "t_chatload_quartz", "ds2");
        assertEquals("org.quartz.impl.jdbcjobstore.StdJDBCDelegate", p.getProperty("org.quartz.jobStore.driverDelegateClass"));
        assertEquals("t_chatload_quartz.QRTZ_", p.getProperty("org.quartz.jobStore.tablePrefix"));
        assertEquals("true", p.getProperty("org.quartz.jobStore.isClustered"));
    }

    @Test
    void quartzsPoolGetsTheUrlWithoutChatloadsParameterAndAMySqlSchemeTheDriverAccepts() {
        assertEquals("jdbc:mariadb://db/chat?user=u", ClusterDatabase.MARIADB.driverUrl("jdbc:mariadb://db/chat?chatloadSchemaPrefix=t_&user=u"));
        assertEquals("jdbc:mariadb://db/chat", ClusterDatabase.MARIADB.driverUrl("jdbc:mariadb://db/chat?chatloadSchemaPrefix=t_"));
        assertEquals("jdbc:mysql://db/chat?permitMysqlScheme=true", ClusterDatabase.MARIADB.driverUrl("jdbc:mysql://db/chat"));
        assertEquals("jdbc:mysql://db/chat?a=1&permitMysqlScheme=true", ClusterDatabase.MARIADB.driverUrl("jdbc:mysql://db/chat?a=1"));
        assertEquals("jdbc:postgresql://db/chat", ClusterDatabase.POSTGRESQL.driverUrl("jdbc:postgresql://db/chat"));
    }

    @Test
    void anyOtherDatabaseIsAConfigurationErrorToo() {
        ConfigException e = assertThrows(ConfigException.class, () -> ClusterDatabase.of("jdbc:sqlserver://db"));
        assertTrue(e.getMessage().endsWith("this database is not supported for the cluster"), e.getMessage());
    }
}
