package io.chatload.source;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.util.Timeout;

/**
 * Keeps a slow answer from holding a worker for the whole read timeout: in one API's HttpClient, each GET waits for
 * its answer only as long as {@link AdaptiveTimeout} allows from that API's recent GETs ({@link LatencyWindow}), then
 * fails with a {@link SlowAnswerException}, which the page's retries treat as any timeout (a new try through the
 * API's rate budget, after the backoff). The wait bounds each read of the answer, as the read timeout does, so a long
 * body that keeps coming is never cut. Other methods pass untouched.
 */
final class SlowAnswerCutoff implements ExecChainHandler {

    /** Requests remembered as cut, so their next try waits longer; the oldest are forgotten first. */
    private static final int REMEMBERED_CUTS = 1_000;

    private final AdaptiveTimeout settings;
    private final long readTimeoutMs;
    private final LongSupplier nanoTime;
    private final LatencyWindow window = new LatencyWindow(AdaptiveTimeout.WINDOW);
    private final Map<String, Integer> cutBefore = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > REMEMBERED_CUTS;
        }
    };

    SlowAnswerCutoff(AdaptiveTimeout settings, long readTimeoutMs, LongSupplier nanoTime) {
        this.settings = settings;
        this.readTimeoutMs = readTimeoutMs;
        this.nanoTime = nanoTime;
    }

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        if (!settings.enabled() || !"GET".equalsIgnoreCase(request.getMethod())) {
            return chain.proceed(request, scope);
        }
        String target = request.getRequestUri();
        LatencyWindow.Recent recent = window.recent(AdaptiveTimeout.QUANTILE);
        long timeoutMs = settings.timeoutMs(recent, earlierCuts(target), readTimeoutMs);
        // set on every GET, so a context (or a pooled connection) never keeps another request's shorter wait
        scope.clientContext.setRequestConfig(RequestConfig.copy(scope.clientContext.getRequestConfigOrDefault())
                .setResponseTimeout(Timeout.ofMilliseconds(timeoutMs)).build());
        long start = nanoTime.getAsLong();
        ClassicHttpResponse response;
        try {
            response = chain.proceed(request, scope);
        } catch (SocketTimeoutException e) {
            if (timeoutMs >= readTimeoutMs) {
                throw e;
            }
            window.cut();
            synchronized (cutBefore) {
                cutBefore.merge(target, 1, Integer::sum);
            }
            throw new SlowAnswerException(timeoutMs, recent.percentileMs());
        }
        window.answered(TimeUnit.NANOSECONDS.toMillis(nanoTime.getAsLong() - start));
        synchronized (cutBefore) {
            cutBefore.remove(target);
        }
        return response;
    }

    private int earlierCuts(String target) {
        synchronized (cutBefore) {
            return cutBefore.getOrDefault(target, 0);
        }
    }
}
