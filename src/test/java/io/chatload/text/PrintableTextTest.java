package io.chatload.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class PrintableTextTest {

    @Test
    void c0ControlsAreEscapedTabAndLineBreaksIncluded() {
        assertEquals("a\\u001b]0;pwned\\u0007b", PrintableText.escape("a\u001b]0;pwned\u0007b"));
        assertEquals("x\\u000d\\u000aLoad 1 COMPLETED", PrintableText.escape("x\r\nLoad 1 COMPLETED"));
        assertEquals("\\u0000\\u0009\\u001f", PrintableText.escape("\0\t\u001f"));
    }

    @Test
    void delAndC1ControlsAreEscaped() {
        assertEquals("\\u007f\\u0080\\u009b31m\\u009f", PrintableText.escape("\u007f\u0080\u009b31m\u009f"));
    }

    @Test
    void lineSeparatorsBidiControlsAndByteOrderMarkAreEscaped() {
        assertEquals("\\u2028\\u2029", PrintableText.escape("\u2028\u2029"));
        assertEquals("\\u202egnp.exe", PrintableText.escape("\u202egnp.exe"));
        assertEquals("\\u061c\\u200e\\u200f\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\ufeff",
                PrintableText.escape("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069\ufeff"));
    }

    @Test
    void ordinaryTextStaysAsItIs() {
        String text = "Привет, мир! 👋 café Ω 中文 \\u001b ~ \u00a0\u00ff \u200d";
        assertSame(text, PrintableText.escape(text));
        assertEquals("Привет\\u001b👋", PrintableText.escape("Привет\u001b👋"));
    }

    @Test
    void escapingTwiceChangesNothingMore() {
        String once = PrintableText.escape("a\u001bb\nc\u202e");
        assertEquals(once, PrintableText.escape(once));
    }

    @Test
    void nullStaysNull() {
        assertNull(PrintableText.escape(null));
    }
}
