package io.chatload.cluster;

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
 * keeps its triggers in Quartz's clustered JDBC store on the destination (PostgreSQL or MariaDB), so each firing runs
 * on one node, a stateful (non-concurrent) job never runs on two nodes at once, and the triggers of a node that stops
 * checking in are taken over by the others. The nodes exclude each other with Quartz's row locks
 * ({@code SELECT ... FOR UPDATE} on a row of QRTZ_LOCKS), on connections described in {@link PooledConnections}.
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
        ClusterDatabase database = ClusterDatabase.of(url);
        String schema = storedSchema(url, settings.schema());
        HikariDataSource pool;
        try {
            pool = PooledConnections.open(database, url, config.dbUser(), config.dbPassword());
        } catch (RuntimeException e) {
            throw new ConfigException("chatload.cluster: cannot connect Quartz's store to the destination ("
                    + firstLine(e, config.dbPassword()) + "): check chatload.db.url", e);
        }
        try {
            if (QuartzTables.ensure(pool, database, schema)) {
                LOG.info("cluster: created Quartz's tables in schema {}", schema);
            }
        } catch (SQLException e) {
            pool.close();
            throw new ConfigException("chatload.cluster: cannot create Quartz's tables in schema " + schema + " ("
                    + firstLine(e, config.dbPassword()) + "): the database user needs CREATE on the " + (database
                    == ClusterDatabase.POSTGRESQL ? "database" : "server") + ", or create them beforehand (docs/cluster.md)", e);
        }
        String dataSource = "chatload-cluster-" + DATA_SOURCES.incrementAndGet();
        DBConnectionManager.getInstance().addConnectionProvider(dataSource, new PooledConnections(pool));

        QuartzComponent quartz = new QuartzComponent();
        quartz.setProperties(properties(settings, database, schema, dataSource));
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

    static Properties properties(ClusterSettings settings, ClusterDatabase database, String schema, String dataSource) {
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", settings.name());
        p.setProperty("org.quartz.scheduler.instanceId", settings.nodeId());
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        p.setProperty("org.quartz.scheduler.idleWaitTime", String.valueOf(IDLE_WAIT_MS));
        p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
        p.setProperty("org.quartz.threadPool.threadCount", String.valueOf(THREADS));
        p.setProperty("org.quartz.threadPool.threadsInheritContextClassLoaderOfInitializingThread", "true");
        p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
        p.setProperty("org.quartz.jobStore.driverDelegateClass", database.delegate());
        p.setProperty("org.quartz.jobStore.dataSource", dataSource);
        p.setProperty("org.quartz.jobStore.tablePrefix", QuartzTables.prefix(schema));
        p.setProperty("org.quartz.jobStore.isClustered", "true");
        p.setProperty("org.quartz.jobStore.clusterCheckinInterval", String.valueOf(settings.checkinIntervalMs()));
        p.setProperty("org.quartz.jobStore.misfireThreshold", String.valueOf(settings.misfireThresholdMs()));
        // nodes racing for the same due trigger take the row lock first, rather than both marking it acquired
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        return p;
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
