package io.chatload.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the Python behaviour dlt's coercions rest on: {@code repr(float)} (what a double becomes in a text column),
 * and the grammars of {@code int()} and {@code float()} after dlt's {@code strip()} and {@code 0x} rule. Expected
 * values are CPython 3's.
 */
class PythonNumbersTest {

    @ParameterizedTest(name = "[{index}] repr({0}) = {1}")
    @CsvSource({
        "1.0, 1.0", "100.0, 100.0", "0.5, 0.5", "-1726.1288, -1726.1288", "1e16, 1e+16", "1.5e16, 1.5e+16",
        "9999999999999998.0, 9999999999999998.0", "1e15, 1000000000000000.0", "0.001, 0.001", "0.0001, 0.0001",
        "0.00001, 1e-05", "0.000123, 0.000123", "0.0000123, 1.23e-05", "1e22, 1e+22", "1.7976931348623157e308, 1.7976931348623157e+308",
        "4.9e-324, 5e-324", "2.2250738585072014e-308, 2.2250738585072014e-308", "123456789.123, 123456789.123",
        "0.1, 0.1", "0.30000000000000004, 0.30000000000000004", "1e100, 1e+100", "-2.5e-10, -2.5e-10",
    })
    void reprAsPython(double value, String repr) {
        assertEquals(repr, PythonNumbers.repr(value));
    }

    /** Whatever the double, its text reads back as the same double (the shortest such text). */
    @Test
    void reprReadsBack() {
        Random random = new Random(12);
        for (int i = 0; i < 1_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(d)) {
                assertEquals(d, Double.parseDouble(PythonNumbers.repr(d)), () -> Double.toString(d));
            }
        }
    }

    @ParameterizedTest(name = "[{index}] int(\"{0}\")")
    @CsvSource(delimiter = '|', value = {
        "42|42", "' -1726 '|-1726", "+7|7", "007|7", "1_000|1000", "0xff|255", "0xFF|255", "0x0x_ff|255", "0x_ff|", "0x0xff|255",
        "'\u00a042\u00a0'|42", "٤٢|42", "99999999999999999999|99999999999999999999",
        "42.0|", "4__2|", "_42|", "42_|", "0XFF|", "0x|", "''|", "1e3|", "- 1|", "0b101|",
    })
    void intAsPython(String text, String expected) {
        assertEquals(expected == null ? null : new BigInteger(expected), PythonNumbers.parseInt(text));
    }

    @ParameterizedTest(name = "[{index}] float(\"{0}\")")
    @CsvSource(delimiter = '|', value = {
        "2.5|2.5", "' -1726.1288 '|-1726.1288", ".5|0.5", "5.|5.0", "1e3|1000.0", "1E-2|0.01", "1_000.000_1|1000.0001",
        "0xff|255.0", "٣.٥|3.5", "Infinity|Infinity", "-inf|-Infinity", "nan|NaN",
        "1,5|", "1._5|", "e3|", ".|", "''|", "0x1.8p1|", "1.5f|", "2.5.1|",
    })
    void floatAsPython(String text, Double expected) {
        assertEquals(expected, PythonNumbers.parseFloat(text));
    }
}
