package io.chatload.source;

import io.chatload.config.ChatloadConfig;
import io.chatload.config.ConfigException;
import java.time.Clock;
import java.util.function.Function;

/**
 * The HTTP side's settings read from chatload's configuration: {@code chatload.<source>.*} for one API, else the
 * {@code chatload.http.*} defaults of every API.
 */
public final class HttpConfiguration {

    private final ChatloadConfig config;

    public HttpConfiguration(ChatloadConfig config) {
        this.config = config;
    }

    /** Each source's client settings: timeouts, connections, the adaptive timeout. */
    public Function<String, HttpSettings> settings() {
        return source -> new HttpSettings(perSource(source, "connect-timeout-ms", 10_000),
                perSource(source, "read-timeout-ms", 60_000), perSource(source, "max-connections", 8),
                adaptiveTimeout(source));
    }

    public RetryPolicy retry() {
        try {
            return new RetryPolicy(config.getInt("chatload.http.max-attempts", 5, 1),
                    config.getInt("chatload.http.retry-initial-delay-ms", 100, 0),
                    config.getInt("chatload.http.retry-throttled-delay-ms", 500, 0),
                    config.getInt("chatload.http.retry-max-delay-ms", 30_000, 0));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("chatload.http.retry-initial-delay-ms must not exceed chatload.http.retry-max-delay-ms");
        }
    }

    /** Limits on an answer's size and nesting, the defaults scaled to the heap. */
    public ResponseParser parser() {
        long heap = Runtime.getRuntime().maxMemory();
        return new ResponseParser(config.getInt("chatload.http.max-body-bytes",
                (int) ResponseParser.defaultMaxBodyBytes(heap), 1024),
                config.getInt("chatload.http.max-json-depth", 500, 2), ResponseParser.maxValues(heap));
    }

    /** Each source's request budget, {@code chatload.<source>.requests-per-second} (0: none). */
    public RateLimits rateLimits() {
        return new RateLimits(source -> config.getInt("chatload." + source + ".requests-per-second", 0, 0),
                Clock.systemUTC());
    }

    private AdaptiveTimeout adaptiveTimeout(String source) {
        AdaptiveTimeout defaults = AdaptiveTimeout.DEFAULTS;
        boolean enabled = config.getBoolean("chatload." + source + ".adaptive-timeout",
                config.getBoolean("chatload.http.adaptive-timeout", defaults.enabled()));
        int maxCutPercent = perSource(source, "adaptive-timeout-max-cut-percent", defaults.maxCutPercent());
        if (maxCutPercent > 100) {
            throw new ConfigException("chatload." + source + ".adaptive-timeout-max-cut-percent = " + maxCutPercent
                    + " must be from 1 to 100");
        }
        return new AdaptiveTimeout(enabled, perSource(source, "adaptive-timeout-floor-ms", defaults.floorMs()),
                perSource(source, "adaptive-timeout-multiplier", defaults.multiplier()), maxCutPercent);
    }

    private int perSource(String source, String key, int fallback) {
        return config.getInt("chatload." + source + "." + key, config.getInt("chatload.http." + key, fallback, 1), 1);
    }
}
