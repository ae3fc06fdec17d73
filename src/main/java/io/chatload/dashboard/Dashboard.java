package io.chatload.dashboard;

import io.chatload.load.Destination;
import io.chatload.routes.ResourceCatalog;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedStartupListener;
import org.apache.camel.component.platform.http.main.ManagementHttpServer;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web dashboard on Camel's management server: {@code http://<management host>:<port>/dashboard/}. {@code run}
 * adds it beside health and metrics ({@link #install}); {@code show --web} starts a Camel Main that serves only it
 * ({@link #serve}). The management host stays loopback unless the user opens it.
 */
public final class Dashboard {

    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.dashboard");

    private Dashboard() {
    }

    /** Adds the dashboard to {@code run}'s management server, with the running pipeline's routes and schedule. */
    public static void install(Main main, Destination destination, ResourceCatalog catalog) {
        whenStarted(main, context -> {
            ManagementHttpServer server = attach(context, new DashboardApi(destination, new Pipeline(context, catalog)));
            LOG.info("dashboard: {}", url(server.getHost(), server.getPort()));
        });
    }

    /**
     * A Camel Main with only the management server and the dashboard, on {@code host:port}, reading
     * {@code destination}; {@link Main#run()} serves it until Ctrl+C or SIGTERM, {@link Main#start()} in the background.
     */
    public static Main serve(Destination destination, String host, int port) {
        Main main = new Main();
        main.addOverrideProperty("camel.main.routes-include-pattern", "false");
        main.addOverrideProperty("camel.management.enabled", "true");
        main.addOverrideProperty("camel.management.host", host);
        main.addOverrideProperty("camel.management.port", Integer.toString(port));
        // no pipeline runs here: nothing to meter, and health would only say that the page is up
        main.addOverrideProperty("camel.metrics.enabled", "false");
        main.addOverrideProperty("camel.management.metrics-enabled", "false");
        main.addOverrideProperty("camel.main.shutdown-timeout", "5");
        whenStarted(main, context -> attach(context, new DashboardApi(destination, null)));
        return main;
    }

    /** The page's address on a management server listening on {@code host:port}. */
    public static String url(String host, int port) {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + ("0.0.0.0".equals(host) || "::".equals(host) ? "localhost" : shown) + ":" + port + DashboardHttp.BASE + "/";
    }

    /**
     * Runs {@code then} once Camel has started, the management server with it, whether Main was started by
     * {@link Main#run()} or {@link Main#start()} (a Main listener's afterStart comes only with run).
     */
    private static void whenStarted(Main main, Consumer<CamelContext> then) {
        main.addMainListener(new MainListenerSupport() {
            @Override
            public void afterConfigure(BaseMainSupport configured) {
                try {
                    configured.getCamelContext().addStartupListener(new ExtendedStartupListener() {
                        @Override
                        public void onCamelContextStarted(CamelContext context, boolean alreadyStarted) {
                        }

                        @Override
                        public void onCamelContextFullyStarted(CamelContext context, boolean alreadyStarted) {
                            then.accept(context);
                        }
                    });
                } catch (Exception e) {
                    throw new IllegalStateException("cannot add the dashboard to Camel: " + e.getMessage(), e);
                }
            }
        });
    }

    private static ManagementHttpServer attach(CamelContext context, DashboardApi api) {
        ManagementHttpServer server = context.hasService(ManagementHttpServer.class);
        if (server == null || server.getRouter() == null) {
            throw new IllegalStateException("the dashboard needs Camel's management server (camel-platform-http-main on "
                    + "the class path, chatload.management.port above 0)");
        }
        DashboardHttp.attach(server.getRouter(), api);
        return server;
    }
}
