package io.chatload.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Wrong secrets are summarised: the first at once, then at most a line a minute counting those refused since. */
class RefusalsTest {

    /** A clock the test moves. */
    private static final class FakeClock extends Clock {
        Instant now = Instant.parse("2026-12-03T01:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }
    }

    private final FakeClock clock = new FakeClock();
    private final List<String> lines = new ArrayList<>();
    private final Refusals refusals = new Refusals("chaport", clock, lines::add);

    @Test
    void whatTheLastMinuteRefusedIsWrittenWhenTheReceiverStops() {
        refusals.wrongSecret();
        clock.advance(Duration.ofSeconds(10));
        refusals.wrongSecret();
        refusals.wrongSecret();
        refusals.flush();
        assertEquals(List.of("chaport webhook: refused a POST with a wrong secret (404)",
                "chaport webhook: refused 2 POSTs with a wrong secret (404) since 2026-12-03T01:00:00Z"), lines);
        refusals.flush();
        assertEquals(2, lines.size(), "nothing left to write: " + lines);
    }

    @Test
    void aFloodOfWrongSecretsIsOneLineAMinuteWithTheCount() {
        refusals.wrongSecret();
        assertEquals(List.of("chaport webhook: refused a POST with a wrong secret (404)"), lines, "the first at once");
        for (int i = 0; i < 4_499; i++) {
            clock.advance(Duration.ofMillis(13)); // 4 499 more within 58.5 s
            refusals.wrongSecret();
        }
        assertEquals(1, lines.size(), "nothing more within the minute: " + lines);
        clock.now = Instant.parse("2026-12-03T01:01:00Z"); // a minute after the first line
        refusals.wrongSecret();
        assertEquals(List.of("chaport webhook: refused a POST with a wrong secret (404)",
                "chaport webhook: refused 4500 POSTs with a wrong secret (404) since 2026-12-03T01:00:00Z"), lines);
        clock.advance(Duration.ofSeconds(59));
        refusals.wrongSecret();
        assertEquals(2, lines.size(), "the next line waits a minute after the last");
    }

    @Test
    void aLoneWrongSecretAfterAQuietSpellIsLoggedAsOne() {
        refusals.wrongSecret();
        clock.advance(Duration.ofMinutes(10));
        refusals.wrongSecret();
        assertEquals(List.of("chaport webhook: refused a POST with a wrong secret (404)",
                "chaport webhook: refused a POST with a wrong secret (404)"), lines);
    }

    @Test
    void everyBadDeliveryIsALine() {
        refusals.badDelivery("not JSON");
        refusals.badDelivery("not JSON");
        assertEquals(List.of("chaport webhook: refused a delivery (400): not JSON",
                "chaport webhook: refused a delivery (400): not JSON"), lines);
    }
}
