package io.chatload.cluster;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.component.quartz.QuartzComponent;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.quartz.SchedulerException;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several chatload nodes sharing one schedule: with {@code chatload.cluster.enabled=true}, Camel's Quartz component
 * keeps its triggers in Quartz's clustered JDBC store on the destination (PostgreSQL), so each firing runs on one
 * node, a stateful (non-concurrent) job never runs on two nodes at once, and the triggers of a node that stops checking
 * in are taken over by the others.
 *
 * <p>The store's connections come from a small pool of its own, registered with Quartz by name: the password never
 * enters the Quartz properties, which Camel logs at DEBUG.
 */
public final class QuartzCluster {

    private static final Logger LOG = LoggerFactory.getLogger(QuartzCluster.class);
    /**
     * Quartz's worker threads, as camel-quartz's default: each runs one resource (or outbox) firing at a time.
     */
    private static final int THREADS = 10;
    /**
     * The store takes a connection only to acquire, fire and complete triggers and to check in, each briefly: a few
     * are enough, and a pool apart from the loads' keeps a busy load from delaying the check-in.
     */
    private static final int CONNECTIONS = 4;
    /**
     * How long an idle node waits before it looks for due triggers again (Quartz's default is 30 s): bounds how soon a
     * trigger freed by another node is picked up.
     */
    private static final int IDLE_WAIT_MS = 5000;
    private static final AtomicInteger DATA_SOURCES = new AtomicInteger();

    private QuartzCluster() {
    }

    /**
     * When the configuration enables the cluster, gives {@code main} a Quartz component on the clustered store (the
     * QRTZ_ tables created if absent); otherwise leaves Camel's in-memory default. Fails with a
     * {@link ConfigException} when the destination cannot be shared between nodes.
     */
    public static void configure(Main main, ChatloadConfig config) {
        ClusterSettings settings = ClusterSettings.from(config);
        if (!settings.enabled()) {
            return;
        }
        String url = config.dbUrl();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("chatload.cluster.enabled=true needs a PostgreSQL destination that every node reaches "
                    + "(chatload.db.url = jdbc:postgresql://host:5432/db); " + (url.startsWith("jdbc:h2:")
                    ? "an embedded H2 database belongs to one process" : "this database is not supported for the cluster"));
        }
        String schema = storedSchema(url, settings.schema());
        HikariDataSource pool = pool(url, config.dbUser(), config.dbPassword());
        try {
            if (QuartzTables.ensure(pool, schema)) {
                LOG.info("cluster: created Quartz's tables in schema {}", schema);
            }
        } catch (SQLException e) {
            pool.close();
            throw new ConfigException("chatload.cluster: cannot create Quartz's tables in schema " + schema + " ("
                    + firstLine(e, config.dbPassword()) + "): the database user needs CREATE on the database, or create "
                    + "them from the quartz jar's tables_postgres.sql", e);
        }
        String dataSource = "chatload-cluster-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PooledConnections(pool));

        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(properties(settings, schema, dataSource));
        main.bind("quartz", quartz);
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterStart(BaseMainSupport started) {
                try {
                    LOG.info("cluster: node {} of scheduler {} shares its triggers through schema {}",
                            quartz.getScheduler().getSchedulerInstanceId(), quartz.getScheduler().getSchedulerName(), schema);
                } catch (SchedulerException e) {
                    LOG.warn("cluster: cannot read the scheduler's node id: {}", e.getMessage());
                }
            }
        });
    }

    static Properties properties(ClusterSettings settings, String schema, String dataSource) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.name());
        p.setProperty("org.quartz.scheduler.instanceId", settings.nodeId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", String.valueOf(IDLE_WAIT_MS));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", QuartzTables.prefix(schema));
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.checkinIntervalMs()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThresholdMs()));
        // nodes racing for the same due trigger take the row lock first, rather than both marking it acquired
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
    }

    private static HikariDataSource pool(String url, String user, String password) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("chatload-quartz");
        hikari.setJdbcUrl(driverUrl(url));
        if (!user.isEmpty()) {
            hikari.setUsername(user);
        }
        if (!password.isEmpty()) {
            hikari.setPassword(password);
        }
        hikari.setMaximumPoolSize(CONNECTIONS);
        hikari.setMinimumIdle(1);
        // Quartz commits its own transactions
        hikari.setAutoCommit(false);
        try {
            return new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new ConfigException("chatload.cluster: cannot connect Quartz's store to the destination ("
                    + firstLine(e, password) + "): check chatload.db.url", e);
        }
    }

    /** chatload's own URL parameter chatloadSchemaPrefix is for chatload, not the driver. */
    private static String driverUrl(String url) {
        return url.replaceAll("(?i)([?&])chatloadSchemaPrefix=[^&]*&?", "$1").replaceAll("[?&]$", "");
    }

    /** The schema's name with the URL's chatloadSchemaPrefix, as the destination stores its own schemas. */
    private static String storedSchema(String url, String schema) {
        Matcher m = Pattern.compile("(?i)[?&]chatloadSchemaPrefix=([a-z0-9_]*)").matcher(url);
        return m.find() ? m.group(1) + schema : schema;
    }

    private static String firstLine(Exception e, String password) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return password.isEmpty() ? message : message.replace(password, "***");
    }
}
