package io.chatload.source;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.ssl.SSLContexts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-time work the first request of a load otherwise pays in a cold JVM, done on a daemon thread while Camel
 * starts (which keeps one core busy; the other is idle then): the JDK's default TLS context, whose first creation reads
 * and parses the trust store (camel-http builds an https socket factory for each API's first endpoint, even for an
 * http base URL), and the classes of the HTTP client and of the JSON parser. Nothing waits for it: a request that
 * comes first does the same work itself, and a failure here only loses the head start.
 */
public final class ClientWarmUp {
    private static final Logger LOG = LoggerFactory.getLogger(ClientWarmUp.class);

    private ClientWarmUp() {
    }

    public static void start() {
        Thread thread = new Thread(ClientWarmUp::run, "chatload-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void run() {
        try {
            SSLContexts.createDefault();
            PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create().build();
            try (CloseableHttpClient client = HttpClients.custom().setConnectionManager(pool).build()) {
                new ResponseParser(1024, 8).parse(new ByteArrayInputStream(
                        "{\"result\":[{\"id\":\"1\",\"n\":1.5,\"b\":true,\"o\":{\"a\":null}}]}".getBytes(StandardCharsets.UTF_8)),
                        "application/json");
            }
        } catch (Exception | LinkageError e) {
            LOG.debug("warm-up of the HTTP client failed; the first request does the work: {}", e.toString());
        }
    }
}
