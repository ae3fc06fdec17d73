package io.chatload.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The cut-off in an API's HttpClient, driven by a fake chain and clock: each GET gets the wait the API's recent
 * answers allow, a GET that times out within it fails as a {@link SlowAnswerException} and its next try waits longer;
 * POSTs keep the read timeout.
 */
class SlowAnswerCutoffTest {

    private static final long READ_TIMEOUT = 30_000;

    private final AtomicLong nanos = new AtomicLong();
    private final SlowAnswerCutoff cutoff = new SlowAnswerCutoff(new AdaptiveTimeout(true, 100, 4, 5), READ_TIMEOUT, nanos::get);
    /** The response timeout each request was sent with, in ms. */
    private final List<Long> waits = new ArrayList<>();

    /** A server that answers after {@code ms}, or does not answer within the wait when {@code ms} is -1. */
    private ExecChain server(long ms) {
        return (request, scope) -> {
            long wait = scope.clientContext.getRequestConfigOrDefault().getResponseTimeout().toMilliseconds();
            waits.add(wait);
            if (ms < 0) {
                nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(wait));
                throw new SocketTimeoutException("Read timed out");
            }
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
            return new BasicClassicHttpResponse(200);
        };
    }

    private ClassicHttpResponse send(String method, String path, ExecChain server) throws Exception {
        ClassicHttpRequest request = new BasicClassicHttpRequest(method, path);
        ExecRuntime runtime = (ExecRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExecRuntime.class}, (proxy, m, args) -> {
                    throw new UnsupportedOperationException(m.getName());
                });
        ExecChain.Scope scope = new ExecChain.Scope("ex-1", new HttpRoute(new HttpHost("127.0.0.1", 1)), request,
                runtime, HttpClientContext.create());
        return cutoff.execute(request, scope, server);
    }

    private void answered(int times, long ms) throws Exception {
        for (int i = 0; i < times; i++) {
            send("GET", "/visitors?page=" + i, server(ms));
        }
    }

    @Test
    void anApisFirstGetsWaitLongerUntilItIsWarm() throws Exception {
        answered(AdaptiveTimeout.WARM_ANSWERS + 1, 20);
        assertEquals(16 * 100, waits.get(0));
        assertEquals(4 * 100, waits.get(1));
        assertEquals(4 * 100, waits.get(AdaptiveTimeout.WARM_ANSWERS - 1));
        assertEquals(100, waits.get(AdaptiveTimeout.WARM_ANSWERS));
    }

    @Test
    void onceTheApiAnsweredAGetWaitsMultiplierTimesItsRecentPercentile() throws Exception {
        answered(AdaptiveTimeout.WARM_ANSWERS, 40);
        send("GET", "/visitors/1", server(40));
        assertEquals(160, waits.get(waits.size() - 1));
    }

    @Test
    void aGetWithNoAnswerInItsWaitIsCutShortAndItsNextTryWaitsLonger() throws Exception {
        answered(40, 10); // enough that one cut stays under the cap of 5 %
        SocketTimeoutException cut = assertThrows(SocketTimeoutException.class, () -> send("GET", "/visitors/7", server(-1)));
        assertInstanceOf(SlowAnswerException.class, cut);
        assertEquals("no answer within 100 ms, while the API's recent 99th percentile is 10 ms (adaptive timeout)",
                cut.getMessage());
        send("GET", "/visitors/7", server(20));
        assertEquals(List.of(100L, 400L), waits.subList(waits.size() - 2, waits.size()));
        // answered: its next GET waits as any other
        send("GET", "/visitors/7", server(10));
        assertEquals(100, waits.get(waits.size() - 1));
    }

    @Test
    void aTimeoutOfTheFullReadTimeoutIsNotACut() throws Exception {
        answered(AdaptiveTimeout.WARM_ANSWERS, 10_000); // 4 x 10 s: past the read timeout
        SocketTimeoutException timeout = assertThrows(SocketTimeoutException.class, () -> send("GET", "/visitors", server(-1)));
        assertEquals(SocketTimeoutException.class, timeout.getClass());
    }

    @Test
    void postsAreNeverCutShort() throws Exception {
        answered(AdaptiveTimeout.WARM_ANSWERS, 10);
        // the POST's context is left alone: the client's default (the read timeout) applies
        ExecChain untouched = (request, scope) -> {
            assertEquals(null, scope.clientContext.getRequestConfig());
            return new BasicClassicHttpResponse(201);
        };
        assertEquals(201, send("POST", "/chats/1/messages", untouched).getCode());
    }

    @Test
    void offLeavesEveryRequestAlone() throws Exception {
        SlowAnswerCutoff off = new SlowAnswerCutoff(AdaptiveTimeout.OFF, READ_TIMEOUT, nanos::get);
        ClassicHttpRequest request = new BasicClassicHttpRequest("GET", "/visitors");
        ExecRuntime runtime = (ExecRuntime) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ExecRuntime.class}, (proxy, m, args) -> null);
        ExecChain.Scope scope = new ExecChain.Scope("ex-2", new HttpRoute(new HttpHost("127.0.0.1", 1)), request,
                runtime, HttpClientContext.create());
        off.execute(request, scope, (r, s) -> {
            assertEquals(null, s.clientContext.getRequestConfig());
            return new BasicClassicHttpResponse(200);
        });
    }
}
