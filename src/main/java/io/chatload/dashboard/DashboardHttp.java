package io.chatload.dashboard;

import io.chatload.text.PrintableText;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard on a Vert.x router of Camel's HTTP server (the management server): the page and its script under
 * {@code /dashboard/}, uPlot from its WebJar under {@code /dashboard/lib/}, the data under {@code /dashboard/api/}.
 * Only the files listed here are served, so no request path reaches the class path or the file system. Every answer
 * forbids inline script and framing (Content-Security-Policy) and content sniffing.
 */
final class DashboardHttp {

    static final String BASE = "/dashboard";
    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.dashboard");
    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private record Asset(String contentType, byte[] bytes) {
    }

    private DashboardHttp() {
    }

    static void attach(Router router, DashboardApi api) {
        Map<String, Asset> assets = assets();
        // Vert.x matches /dashboard/ here too: only the bare path is sent on to the page's
        router.route(HttpMethod.GET, BASE).handler(ctx -> {
            if (ctx.request().path().equals(BASE)) {
                ctx.redirect(BASE + "/");
            } else {
                ctx.next();
            }
        });
        assets.forEach((path, asset) -> router.route(HttpMethod.GET, path).handler(ctx ->
                secure(ctx.response()).putHeader("Content-Type", asset.contentType()).end(Buffer.buffer(asset.bytes()))));
        // ordered=false: requests may be answered in parallel on Vert.x's worker pool, off the event loop
        router.route(HttpMethod.GET, BASE + "/api/:name").blockingHandler(ctx -> answer(ctx, api), false);
    }

    private static void answer(RoutingContext ctx, DashboardApi api) {
        HttpServerResponse response = secure(ctx.response()).putHeader("Content-Type", "application/json; charset=utf-8");
        String name = ctx.pathParam("name");
        try {
            var json = api.json(name);
            if (json.isEmpty()) {
                response.setStatusCode(404).end(error("no dashboard endpoint '" + name + "'; there are " + DashboardApi.ENDPOINTS));
                return;
            }
            response.end(json.get());
        } catch (Exception e) {
            LOG.warn("dashboard {}: {}", PrintableText.escape(name), PrintableText.escape(e.getMessage()));
            response.setStatusCode(500).end(error("cannot read " + name + " from the database: " + e.getMessage()));
        }
    }

    private static String error(String message) {
        return DashboardApi.write(Map.of("error", PrintableText.escape(message)));
    }

    private static HttpServerResponse secure(HttpServerResponse response) {
        return response.putHeader("Content-Security-Policy", CSP)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("Cache-Control", "no-store");
    }

    /** The page's own files and uPlot's, read once: path → content. */
    private static Map<String, Asset> assets() {
        Map<String, Asset> assets = new LinkedHashMap<>();
        assets.put(BASE + "/", new Asset("text/html; charset=utf-8", read("io/chatload/dashboard/index.html")));
        assets.put(BASE + "/dashboard.js", new Asset("text/javascript; charset=utf-8", read("io/chatload/dashboard/dashboard.js")));
        assets.put(BASE + "/dashboard.css", new Asset("text/css; charset=utf-8", read("io/chatload/dashboard/dashboard.css")));
        String uplot = "META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/dist/";
        assets.put(BASE + "/lib/uPlot.iife.min.js", new Asset("text/javascript; charset=utf-8", read(uplot + "uPlot.iife.min.js")));
        assets.put(BASE + "/lib/uPlot.min.css", new Asset("text/css; charset=utf-8", read(uplot + "uPlot.min.css")));
        return assets;
    }

    /** The version of an npm WebJar on the class path, from its Maven metadata, so the pom alone names it. */
    static String webJarVersion(String artifact) {
        Properties pom = new Properties();
        String path = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = DashboardHttp.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the " + artifact + " WebJar is not on the class path (" + path
                        + "): the dashboard needs org.webjars.npm:" + artifact);
            }
            pom.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    private static byte[] read(String resource) {
        try (InputStream in = DashboardHttp.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dashboard file missing from the class path: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
