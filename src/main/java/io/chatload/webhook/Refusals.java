package io.chatload.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A receiver's refusals, in the log. A wrong secret is anyone's POST (a scanner, a sender with an old URL), so it is
 * summarised: the first at once, then at most one line per minute counting those refused since the last line. A bad
 * delivery carried the right secret and is worth a line each.
 */
final class Refusals {

    static final Duration SUMMARY_PERIOD = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger("io.chatload.webhook");

    private final String source;
    private final Clock clock;
    private final Consumer<String> warn;
    private Instant lastLine;
    /** Wrong secrets refused since the last line. */
    private long unlogged;

    Refusals(String source, Clock clock, Consumer<String> warn) {
        this.source = source;
        this.clock = clock;
        this.warn = warn;
    }

    /** The refusals of a source's receiver, as WARN lines of io.chatload.webhook. */
    static Refusals logged(String source) {
        return new Refusals(source, Clock.systemUTC(), LOG::warn);
    }

    synchronized void wrongSecret() {
        Instant now = clock.instant();
        unlogged++;
        if (lastLine != null && now.isBefore(lastLine.plus(SUMMARY_PERIOD))) {
            return;
        }
        warn.accept(unlogged == 1 ? source + " webhook: refused a POST with a wrong secret (404)"
                : source + " webhook: refused " + unlogged + " POSTs with a wrong secret (404) since " + lastLine);
        lastLine = now;
        unlogged = 0;
    }

    /** The wrong secrets not yet counted in a line, as the receiver stops: a flood's last minute is not lost. */
    synchronized void flush() {
        if (unlogged > 0) {
            warn.accept(source + " webhook: refused " + unlogged + " POST" + (unlogged == 1 ? "" : "s")
                    + " with a wrong secret (404) since " + lastLine);
            unlogged = 0;
            lastLine = clock.instant();
        }
    }

    void badDelivery(String reason) {
        warn.accept(source + " webhook: refused a delivery (400): " + reason);
    }
}
