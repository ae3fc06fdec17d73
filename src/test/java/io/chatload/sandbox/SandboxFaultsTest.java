package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reading {@code --faults}, the fault settings as values, and carrying them in the config. */
class SandboxFaultsTest {
    private static final String VALID_KINDS = "5xx, 429, 429date, reset, slow, truncated, html";

    @Test
    void theIssuesExampleParsesKindByKind() {
        SandboxFaults faults = SandboxFaults.parse("5xx=0.10,429=0.05,reset=0.02,slow=0.01,truncated=0.01,html=0.01");
        assertEquals(Map.of(FaultKind.SERVER_ERROR, 0.10, FaultKind.TOO_MANY_REQUESTS, 0.05, FaultKind.RESET, 0.02,
                FaultKind.SLOW, 0.01, FaultKind.TRUNCATED, 0.01, FaultKind.HTML, 0.01), faults.rates());
        assertEquals(0.0, faults.rate(FaultKind.TOO_MANY_REQUESTS_DATE));
        assertEquals(65_000, faults.slowMs());
        assertFalse(faults.isNone());
    }

    @Test
    void kindsIgnoreCaseAndSpacesAndZeroRatesDropOut() {
        SandboxFaults faults = SandboxFaults.parse(" HTML = 0.5 , 429Date=0.25, reset=0 ");
        assertEquals(Map.of(FaultKind.HTML, 0.5, FaultKind.TOO_MANY_REQUESTS_DATE, 0.25), faults.rates());
        assertEquals("429date=0.25,html=0.5", faults.spec(), "in kind order, as parse reads it");
        assertEquals(faults, SandboxFaults.parse(faults.spec()));
        assertEquals(SandboxFaults.NONE, SandboxFaults.parse("5xx=0"));
    }

    @Test
    void noneAndEmptyMeanNoFaults() {
        for (String spec : new String[] {"none", " None ", "", null}) {
            SandboxFaults faults = SandboxFaults.parse(spec);
            assertEquals(SandboxFaults.NONE, faults, spec);
            assertTrue(faults.isNone());
        }
        assertEquals("none", SandboxFaults.NONE.spec());
    }

    @Test
    void ratesMayAddUpToExactlyOneDespiteRounding() {
        SandboxFaults faults = SandboxFaults.parse("5xx=0.7,429=0.2,reset=0.1");
        assertEquals(3, faults.rates().size());
        assertEquals(1, SandboxFaults.parse("slow=1").rates().size());
    }

    @Test
    void anUnknownKindIsRejectedNamingTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxFaults.parse("5xx=0.1,timeout=0.1"));
        assertEquals("Unknown fault kind 'timeout'; expected kind=rate,... with kinds " + VALID_KINDS
                + " and rates from 0 to 1 that add up to at most 1", e.getMessage());
    }

    @Test
    void badRatesAreRejectedNamingTheValidKinds() {
        for (String spec : new String[] {"5xx=1.5", "5xx=-0.1", "5xx=abc", "5xx=", "5xx=NaN", "5xx", "5xx=0.1,,"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SandboxFaults.parse(spec),
                    spec);
            assertTrue(e.getMessage().contains("; expected kind=rate,... with kinds "), e.getMessage());
            assertTrue(e.getMessage().contains(VALID_KINDS), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SandboxFaults.parse("5xx=2")).getMessage()
                .startsWith("Rate of 5xx must be from 0 to 1, got 2.0; "));
    }

    @Test
    void ratesAddingUpToMoreThanOneAreRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxFaults.parse("5xx=0.6,429=0.3,reset=0.2"));
        assertTrue(e.getMessage().contains("more than 1"), e.getMessage());
        assertTrue(e.getMessage().contains(VALID_KINDS), e.getMessage());
    }

    @Test
    void aKindGivenTwiceIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SandboxFaults.parse("5xx=0.1,5XX=0.2"));
        assertTrue(e.getMessage().startsWith("Fault kind 5xx is given twice; "), e.getMessage());
    }

    @Test
    void slowMsIsItsOwnSetting() {
        SandboxFaults faults = SandboxFaults.parse("slow=0.5").withSlowMs(1_500);
        assertEquals(1_500, faults.slowMs());
        assertEquals(0.5, faults.rate(FaultKind.SLOW));
        assertThrows(IllegalArgumentException.class, () -> faults.withSlowMs(-1));
        assertEquals("SandboxFaults[slow=0.5, slowMs=1500]", faults.toString());
    }

    @Test
    void theKindsTakeConsecutiveBandsInKindOrder() {
        SandboxFaults faults = SandboxFaults.parse("html=0.2,5xx=0.1,reset=0.3");
        assertEquals(FaultKind.SERVER_ERROR, faults.kindAt(0.0).orElseThrow());
        assertEquals(FaultKind.SERVER_ERROR, faults.kindAt(0.0999).orElseThrow());
        assertEquals(FaultKind.RESET, faults.kindAt(0.1).orElseThrow());
        assertEquals(FaultKind.HTML, faults.kindAt(0.4).orElseThrow());
        assertTrue(faults.kindAt(0.61).isEmpty());
        assertTrue(SandboxFaults.NONE.kindAt(0.0).isEmpty());
    }

    @Test
    void theConfigHasNoFaultsByDefaultAndKeepsThemThroughOtherWithers() {
        assertEquals(SandboxFaults.NONE, SandboxConfig.defaults().faults());
        SandboxFaults faults = SandboxFaults.parse("5xx=0.1").withSlowMs(10);
        SandboxConfig config = SandboxConfig.defaults().withFaults(faults)
                .withScale(Scale.TINY).withSeed(3).withPort(1234).withLatencyMs(1).withVisitors(5)
                .withOperators(2).withVisitorsPageSize(3).withBots(1).withBotUsers(2).withBotDialogs(1)
                .withLinksStyle(LinksStyle.RELATIVE).withChatformaBearer(true);
        assertEquals(faults, config.faults());
        assertEquals(config.withFaults(SandboxFaults.NONE), new SandboxConfig(config.port(), config.seed(),
                config.operators(), config.visitors(), config.visitorsPageSize(), config.bots(), config.botUsers(),
                config.botDialogs(), config.latencyMs(), config.chaportToken(), config.chatformaKey(),
                config.chaportSwitches(), config.chatformaSwitches()), "the old constructor means no faults");
        assertThrows(IllegalArgumentException.class, () -> SandboxConfig.defaults().withFaults(null));
        assertTrue(config.toString().contains("faults=SandboxFaults[5xx=0.1, slowMs=10]"), config.toString());
    }
}
