package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScaleAndConfigTest {
    private static final ChaportSwitches CHAPORT_DEFAULTS = new ChaportSwitches(LinksStyle.ABSOLUTE, null);
    private static final ChatformaSwitches CHATFORMA_DEFAULTS =
            new ChatformaSwitches(ChatformaEnvelope.BARE, false, 100, false);

    @Test
    void scaleNamesParseIgnoringCaseAndSpaces() {
        assertEquals(Scale.TINY, Scale.parse("tiny"));
        assertEquals(Scale.MEDIUM, Scale.parse(" Medium "));
        assertEquals(Scale.LARGE, Scale.parse("LARGE"));
    }

    @Test
    void unknownScaleNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Scale.parse("huge"));
        assertEquals("Unknown scale 'huge'; valid values: tiny, small, medium, large", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Scale.parse(null));
    }

    @Test
    void switchValuesParseAsTypedOnTheCommandLine() {
        assertEquals(LinksStyle.RELATIVE, LinksStyle.parse("relative"));
        assertEquals(ChatformaEnvelope.DATA, ChatformaEnvelope.parse(" Data "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LinksStyle.parse("both"));
        assertEquals("Unknown links style 'both'; valid values: absolute, relative", e.getMessage());
        assertEquals("Unknown envelope 'x'; valid values: bare, data",
                assertThrows(IllegalArgumentException.class, () -> ChatformaEnvelope.parse("x")).getMessage());
    }

    @Test
    void defaultsAreASmallAccountOnARandomPort() {
        SandboxConfig config = SandboxConfig.defaults();
        assertEquals(new SandboxConfig(0, 42, 8, 180, 50, 3, 40, 15, 0, "sandbox-chaport-token",
                "sandbox-chatforma-key", CHAPORT_DEFAULTS, CHATFORMA_DEFAULTS), config);
    }

    @Test
    void withersChangeOnlyTheirOwnSetting() {
        SandboxConfig config = SandboxConfig.defaults()
                .withScale(Scale.LARGE).withPort(8080).withSeed(7).withVisitorsPageSize(100).withLatencyMs(25);
        assertEquals(new SandboxConfig(8080, 7, 60, 20_000, 100, 10, 1_000, 200, 25,
                "sandbox-chaport-token", "sandbox-chatforma-key", CHAPORT_DEFAULTS, CHATFORMA_DEFAULTS), config);
        assertEquals(new SandboxConfig(8080, 7, 1, 2, 100, 3, 4, 5, 25, "sandbox-chaport-token",
                        "sandbox-chatforma-key", CHAPORT_DEFAULTS, CHATFORMA_DEFAULTS),
                config.withOperators(1).withVisitors(2).withBots(3).withBotUsers(4).withBotDialogs(5));
    }

    @Test
    void switchWithersChangeOnlyTheirOwnSwitch() {
        SandboxConfig config = SandboxConfig.defaults()
                .withLinksStyle(LinksStyle.RELATIVE).withForeignLinkHost("http://other.example:9000/")
                .withChatformaEnvelope(ChatformaEnvelope.DATA).withChatformaIgnorePage(true)
                .withChatformaMaxPerPage(7).withChatformaBearer(true);
        assertEquals(new ChaportSwitches(LinksStyle.RELATIVE, "http://other.example:9000"), config.chaportSwitches());
        assertEquals(new ChatformaSwitches(ChatformaEnvelope.DATA, true, 7, true), config.chatformaSwitches());
        assertEquals(SandboxConfig.defaults().withScale(Scale.SMALL).seed(), config.seed());
        assertNull(config.withForeignLinkHost(null).chaportSwitches().foreignLinkHost());
        assertEquals(LinksStyle.RELATIVE, config.withForeignLinkHost(null).chaportSwitches().linksStyle());
    }

    @Test
    void impossibleSettingsAreRejected() {
        SandboxConfig config = SandboxConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> config.withPort(70_000));
        assertThrows(IllegalArgumentException.class, () -> config.withVisitors(-1));
        assertThrows(IllegalArgumentException.class, () -> config.withVisitorsPageSize(0));
        assertThrows(IllegalArgumentException.class, () -> config.withLatencyMs(-5));
        assertThrows(IllegalArgumentException.class, () -> config.withBotUsers(-1));
        assertThrows(IllegalArgumentException.class, () -> config.withChatformaMaxPerPage(0));
        assertThrows(IllegalArgumentException.class, () -> config.withLinksStyle(null));
        assertThrows(IllegalArgumentException.class, () -> config.withChatformaEnvelope(null));
        for (String url : new String[] {"ftp://x.example", "other.example", "http://", "http://x.example/?a=1"}) {
            assertThrows(IllegalArgumentException.class, () -> config.withForeignLinkHost(url), url);
        }
    }

    @Test
    void credentialsStayOutOfToString() {
        String text = SandboxConfig.defaults().toString();
        assertFalse(text.contains("sandbox-chaport-token"), text);
        assertFalse(text.contains("sandbox-chatforma-key"), text);
        assertTrue(text.contains("seed=42"), text);
        assertTrue(text.contains("linksStyle=ABSOLUTE"), text);
    }
}
