package io.chatload.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ErrorTextTest {

    @Test
    void anApisReasonIsOneLineWithoutTheCredentialAndWithWhatCouldSteerATerminalEscaped() {
        ErrorText text = new ErrorText("key-123");
        assertEquals("HTTP 400: bad key-*** \\u009b2J \\u202eevil \\u2028 end",
                text.clean("HTTP 400: bad key-key-123\r\n\u009b2J \u202eevil \u2028 end"));
        assertEquals("bad chat", text.reason("{\"error\":{\"message\":\"bad\\u0007\\u001bchat\"}}", null));
    }
}
