package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which requests fault: a pure function of seed, method, target and repeat count, at the configured rates. */
class FaultPlanTest {
    private static final SandboxFaults MIX =
            SandboxFaults.parse("5xx=0.10,429=0.05,429date=0.02,reset=0.02,slow=0.01,truncated=0.01,html=0.01");

    @Test
    void theSameRequestsFaultTheSameWayInEveryPlanWithTheSeed() {
        assertEquals(draws(new FaultPlan(MIX, 7), 500), draws(new FaultPlan(MIX, 7), 500));
        assertNotEquals(draws(new FaultPlan(MIX, 7), 500), draws(new FaultPlan(MIX, 8), 500));
    }

    @Test
    void aRepeatedRequestDrawsAnew() {
        FaultPlan plan = new FaultPlan(SandboxFaults.parse("5xx=0.5"), 7);
        List<Optional<Fault>> repeats = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            repeats.add(plan.draw("GET", "/chaport/api/v1/visitors?page=3"));
        }
        assertTrue(repeats.stream().anyMatch(Optional::isPresent), "some repeats fault");
        assertTrue(repeats.stream().anyMatch(Optional::isEmpty), "some repeats succeed");
    }

    @Test
    void methodAndQueryArePartOfTheRequest() {
        FaultPlan plan = new FaultPlan(SandboxFaults.parse("5xx=0.5"), 7);
        List<Optional<Fault>> byQuery = new ArrayList<>();
        List<Optional<Fault>> byMethod = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            byQuery.add(plan.draw("GET", "/x?page=" + i));
            byMethod.add(plan.draw(i % 2 == 0 ? "GET" : "POST", "/y/" + i / 2));
        }
        assertNotEquals(byQuery, Collections.nCopies(64, byQuery.get(0)));
        assertNotEquals(byMethod, Collections.nCopies(64, byMethod.get(0)));
    }

    @Test
    void theOrderOfDifferentRequestsDoesNotMatter() {
        List<String> targets = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            targets.add("/chaport/api/v1/visitors/v" + i + "/chats");
        }
        FaultPlan inOrder = new FaultPlan(MIX, 11);
        Map<String, Optional<Fault>> expected = new HashMap<>();
        targets.forEach(target -> expected.put(target, inOrder.draw("GET", target)));

        List<String> shuffled = new ArrayList<>(targets);
        Collections.shuffle(shuffled, new Random(1));
        FaultPlan outOfOrder = new FaultPlan(MIX, 11);
        shuffled.forEach(target -> assertEquals(expected.get(target), outOfOrder.draw("GET", target), target));
    }

    @Test
    void ratesAreHonouredOverManyRequests() {
        Map<FaultKind, Integer> counts = count(draws(new FaultPlan(MIX, 42), 20_000));
        // binomial, n = 20 000: a band of about ±5 standard deviations around n × rate
        assertBetween(1_850, 2_150, counts.get(FaultKind.SERVER_ERROR), "5xx");
        assertBetween(900, 1_100, counts.get(FaultKind.TOO_MANY_REQUESTS), "429");
        for (FaultKind kind : List.of(FaultKind.TOO_MANY_REQUESTS_DATE, FaultKind.RESET)) {
            assertBetween(330, 470, counts.get(kind), kind.label());
        }
        for (FaultKind kind : List.of(FaultKind.SLOW, FaultKind.TRUNCATED, FaultKind.HTML)) {
            assertBetween(150, 250, counts.get(kind), kind.label());
        }
        assertBetween(15_300, 15_900, counts.get(null), "no fault");
    }

    @Test
    void eachKindsTwoVariantsComeAboutHalfEach() {
        List<Optional<Fault>> draws = draws(new FaultPlan(SandboxFaults.parse("429=1"), 42), 2_000);
        long withVariant = draws.stream().filter(fault -> fault.orElseThrow().variant()).count();
        assertBetween(900, 1_100, (int) withVariant, "429 with Retry-After");
    }

    @Test
    void everyRequestFaultsAtRateOneAndNoneWithoutFaults() {
        assertEquals(Map.of(FaultKind.RESET, 300), count(draws(new FaultPlan(SandboxFaults.parse("reset=1"), 1), 300)));
        assertEquals(Collections.singletonMap(null, 300), count(draws(new FaultPlan(SandboxFaults.NONE, 1), 300)));
    }

    @Test
    void aSlowFaultCarriesItsDelay() {
        FaultPlan plan = new FaultPlan(SandboxFaults.parse("slow=1").withSlowMs(1_500), 1);
        assertEquals(1_500, plan.draw("GET", "/a").orElseThrow().slowMs());
    }

    /** Draws for a mix of new and repeated requests, as a crawl with retries would make them. */
    private static List<Optional<Fault>> draws(FaultPlan plan, int count) {
        List<Optional<Fault>> draws = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String target = i % 4 == 3 ? "/chaport/api/v1/operators" : "/chaport/api/v1/visitors?page=" + i;
            draws.add(plan.draw(i % 10 == 9 ? "POST" : "GET", target));
        }
        return draws;
    }

    /** Counts per kind; no fault counts under null. */
    private static Map<FaultKind, Integer> count(List<Optional<Fault>> draws) {
        Map<FaultKind, Integer> counts = new HashMap<>();
        draws.forEach(fault -> counts.merge(fault.map(Fault::kind).orElse(null), 1, Integer::sum));
        return counts;
    }

    private static void assertBetween(int low, int high, Integer actual, String what) {
        int value = actual == null ? 0 : actual;
        assertTrue(value >= low && value <= high, what + ": " + value + " not in [" + low + ", " + high + "]");
    }
}
