package io.chatload.sandbox;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Serves the simulated Chaport and Chatforma APIs on 127.0.0.1, from data generated at start and changed only as
 * {@link SandboxData} describes. Requests to the APIs are counted per path pattern ({@link #stats()}); the
 * {@code /_sandbox} control endpoints are not, so that looking at the numbers does not change them. API requests
 * fail on purpose as the config's {@link SandboxFaults} say ({@link #faults()}, {@link #setFaults}); the control
 * endpoints never do.
 */
public final class SandboxServer implements AutoCloseable {
    /**
     * Enough for a loader's bounded concurrency; a small pool keeps thread counts visible in tests. Slow answers do
     * not hold these threads while they wait: one more thread sends them when their time comes.
     */
    private static final int THREADS = 8;
    private static final int BACKLOG = 64;

    static {
        // The JDK server sends a response's headers and body as two TCP segments; without TCP_NODELAY, Nagle's
        // algorithm holds the body until the client's delayed ACK, adding ~40 ms to every request (a crawl of
        // 20,000 visitors' chats would take 15 minutes). The JDK reads this once, when its first server starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ScheduledExecutorService lateAnswers;
    private final SandboxConfig config;
    private final SandboxData data;
    private final RequestStats stats;
    private final FaultSwitch faults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SandboxServer(HttpServer server, ExecutorService executor, ScheduledExecutorService lateAnswers,
                          SandboxConfig config, SandboxData data, RequestStats stats, FaultSwitch faults) {
        this.server = server;
        this.executor = executor;
        this.lateAnswers = lateAnswers;
        this.config = config;
        this.data = data;
        this.stats = stats;
        this.faults = faults;
    }

    public static SandboxServer start(SandboxConfig config) throws IOException {
        SandboxData data = SandboxData.generate(config);
        InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        HttpServer http = HttpServer.create(new InetSocketAddress(loopback, config.port()), BACKLOG);
        String baseUrl = baseUrl(http.getAddress().getPort());
        RequestStats stats = new RequestStats();
        FaultSwitch faults = new FaultSwitch(config.seed(), config.faults());
        ScheduledExecutorService lateAnswers = Executors.newSingleThreadScheduledExecutor(daemonThreads("slow"));

        Links links = new Links(baseUrl, config.chaportSwitches().linksStyle());
        ChaportApi chaport = new ChaportApi(data, links, config.chaportToken(), config.visitorsPageSize(),
                config.chaportSwitches());
        ChatformaApi chatforma = new ChatformaApi(data, config.chatformaKey(), config.chatformaSwitches());
        for (Api api : List.of(chaport, chatforma)) {
            mount(http, api, new ApiHandler(api, stats::count, config.latencyMs(), faults::draw, lateAnswers));
        }
        ControlApi control = new ControlApi(data, stats::snapshot, faults::counts);
        mount(http, control, new ApiHandler(control, key -> { }, 0, (method, target) -> Optional.empty(),
                lateAnswers));

        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads("http"));
        http.setExecutor(executor);
        http.start();
        return new SandboxServer(http, executor, lateAnswers, config, data, stats, faults);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String baseUrl() {
        return baseUrl(port());
    }

    public String chaportBaseUrl() {
        return baseUrl() + ChaportApi.PREFIX;
    }

    public String chatformaBaseUrl() {
        return baseUrl() + ChatformaApi.PREFIX;
    }

    public SandboxConfig config() {
        return config;
    }

    public SandboxData data() {
        return data;
    }

    /**
     * Requests so far per "METHOD path-pattern", e.g. "GET /chaport/api/v1/visitors/{id}", whatever their status;
     * paths no route knows count as "GET /chaport/api/v1/*". A sorted copy.
     */
    public Map<String, Long> stats() {
        return stats.snapshot();
    }

    /**
     * Faults injected so far per kind, keyed by the kind's label ("5xx", "429", "reset", ...), every kind listed, in
     * {@link FaultKind} order. Counts keep adding up across {@link #setFaults} calls.
     */
    public Map<String, Long> faults() {
        return faults.counts();
    }

    /**
     * Changes the faults from the next request on, from any thread; {@link SandboxFaults#NONE} turns them off, e.g. for
     * a test's verification phase. The new setting starts a fresh plan: every request counts as asked for the first
     * time again. A slow answer already waiting still comes late.
     */
    public void setFaults(SandboxFaults newFaults) {
        faults.set(newFaults);
    }

    /**
     * Stops at once: open connections are closed, and requests waiting out their latency and slow answers waiting for
     * their time are dropped.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        lateAnswers.shutdownNow();
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            lateAnswers.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void mount(HttpServer http, Api api, ApiHandler handler) {
        http.createContext(api.prefix().isEmpty() ? "/" : api.prefix(), handler);
    }

    private static String baseUrl(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** Daemon threads, so a forgotten close() cannot keep a JVM alive. */
    private static ThreadFactory daemonThreads(String role) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "sandbox-" + role + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
