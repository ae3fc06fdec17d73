package io.chatload.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static io.chatload.sandbox.SandboxHttp.CHATFORMA_KEY;
import static io.chatload.sandbox.SandboxHttp.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A loader's view of the simulated Chatforma API. */
class ChatformaApiTest {
    private static SandboxServer sandbox;
    private static String api;
    private final SandboxHttp http = new SandboxHttp();

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = SandboxServer.start(SandboxConfig.defaults().withBots(5));
        api = sandbox.chatformaBaseUrl();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @Test
    void requestsWithoutTheKeyAreForbidden() {
        for (String[] headers : List.of(new String[0],
                new String[] {"api_key", "wrong-key"},
                new String[] {"Authorization", "Bearer " + CHATFORMA_KEY})) {
            SandboxHttp.Reply reply = http.get(api + "/bots", headers);
            assertEquals(403, reply.status(), String.join(": ", headers));
            assertEquals("{\"message\":\"Forbidden\"}", reply.text());
        }
        assertEquals(403, http.get(api + "/bots?api_key=wrong-key").status());
    }

    @Test
    void botsAreABareArrayWithTheKeyInTheHeader() {
        SandboxHttp.Reply reply = http.get(api + "/bots", "api_key", CHATFORMA_KEY);
        assertEquals(200, reply.status());
        assertTrue(reply.json().isArray());
        assertEquals(5, reply.json().size());
        assertArrayEquals(bytes(sandbox.data().chatformaBots()), reply.body());
    }

    @Test
    void theKeyMayAlsoComeAsAQueryParameter() {
        SandboxHttp.Reply reply = http.get(api + "/bots?api_key=" + CHATFORMA_KEY);
        assertEquals(200, reply.status());
        assertArrayEquals(bytes(sandbox.data().chatformaBots()), reply.body());
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() {
        SandboxHttp.Reply unknown = http.get(api + "/no-such-path", "api_key", CHATFORMA_KEY);
        assertEquals(404, unknown.status());
        assertEquals("{\"message\":\"Not found\"}", unknown.text());
        SandboxHttp.Reply wrongMethod = http.send("POST", api + "/bots", "api_key", CHATFORMA_KEY);
        assertEquals(405, wrongMethod.status());
        assertEquals("GET", wrongMethod.header("Allow"));
    }
}
