package io.chatload.load;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers read and written the way Python reads and writes them, because dlt's coercions are Python's {@code int()},
 * {@code float()}, {@code Decimal()} and {@code str()}: {@code " -1726 "} is an integer, {@code "1_000"} too,
 * {@code "0xff"} is 255 (dlt's hex rule), and a double goes into a text column as Python prints it ({@code 1e+16},
 * {@code 2.0}), a boolean as {@code True}.
 */
final class PythonNumbers {
    // Python's grammars after strip(): digits may be separated by single underscores; \d is any Unicode digit
    private static final String DIGITS = "\\d(?:_?\\d)*";
    private static final Pattern INT = Pattern.compile("[+-]?" + DIGITS, Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern HEX = Pattern.compile("([+-]?)(?:0[xX]_?)?([0-9a-fA-F](?:_?[0-9a-fA-F])*)");
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:" + DIGITS + "(?:\\." + "(?:" + DIGITS + ")?)?|\\." + DIGITS + ")(?:[eE][+-]?" + DIGITS + ")?",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private PythonNumbers() {
    }

    /** Python's {@code str.strip()}: white space as Python counts it, which includes no-break spaces. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** dlt's text to integer: stripped, {@code 0x} for hexadecimal, else Python's {@code int()}; null if not one. */
    static BigInteger parseInt(String text) {
        String s = strip(text);
        if (s.startsWith("0x")) {
            Matcher hex = HEX.matcher(strip(s.substring(2)));
            return hex.matches() ? new BigInteger(hex.group(1) + hex.group(2).replace("_", ""), 16) : null;
        }
        return INT.matcher(s).matches() ? new BigInteger(ascii(s)) : null;
    }

    /** dlt's text to double: stripped, {@code 0x} for hexadecimal, else Python's {@code float()}; null if not one. */
    static Double parseFloat(String text) {
        String s = strip(text);
        if (s.startsWith("0x")) {
            BigInteger hex = parseInt(s);
            return hex == null ? null : hex.doubleValue();
        }
        if (SPECIAL.matcher(s).matches()) {
            String word = s.toLowerCase(Locale.ROOT);
            if (word.contains("nan")) {
                return Double.NaN;
            }
            return word.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        return FLOAT.matcher(s).matches() ? Double.parseDouble(ascii(s)) : null;
    }

    /** dlt's text to decimal (finite values only): stripped, {@code 0x} for hexadecimal, else Python's {@code Decimal()}. */
    static BigDecimal parseDecimal(String text) {
        String s = strip(text);
        if (s.startsWith("0x")) {
            BigInteger hex = parseInt(s);
            return hex == null ? null : new BigDecimal(hex);
        }
        return FLOAT.matcher(s).matches() ? new BigDecimal(ascii(s)) : null;
    }

    /** Unicode digits as ASCII digits and no underscores, as Python reads a number before parsing it. */
    private static String ascii(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '_') {
                continue;
            }
            int digit = Character.isDigit(c) ? Character.digit(c, 10) : -1;
            out.append(digit >= 0 ? (char) ('0' + digit) : c);
        }
        return out.toString();
    }

    /**
     * The fewest significant digits that read back as {@code d} (the nearest such decimal), as Python finds them. If n
     * digits read back, so do n + 1 (the nearest is no farther), so the fewest is found by bisection.
     */
    private static BigDecimal shortest(double d) {
        BigDecimal exact = new BigDecimal(d);
        int low = 1;
        int high = 17; // 17 significant digits always read back
        while (low < high) {
            int middle = (low + high) / 2;
            if (exact.round(new MathContext(middle, RoundingMode.HALF_EVEN)).doubleValue() == d) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return exact.round(new MathContext(low, RoundingMode.HALF_EVEN)).stripTrailingZeros();
    }

    /** Python's {@code str()} of a scalar, as dlt writes a number or boolean into a text column. */
    static String str(Object value) {
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double || value instanceof Float) {
            return repr(((Number) value).doubleValue());
        }
        if (value instanceof BigDecimal d) {
            return d.toString();
        }
        if (value instanceof Map || value instanceof List) {
            return Json.write(value);
        }
        return value.toString();
    }

    /**
     * Python's {@code repr()} of a float: the shortest digits that read back as the same double, in positional
     * notation when the decimal exponent is from -4 to 15 ({@code 0.0001}, {@code 1e-05}, {@code 1e+16}), and a
     * positional number always shows a fraction ({@code 2.0}).
     */
    static String repr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal shortest = shortest(Math.abs(d));
        String digits = shortest.unscaledValue().toString();
        // value = 0.<digits> x 10^point
        int point = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                out.append("0.").append("0".repeat(-point)).append(digits);
            } else if (point >= digits.length()) {
                out.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits.substring(point));
            }
            return out.toString();
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits.substring(1));
        }
        int exponent = point - 1;
        return out.append(exponent < 0 ? "e-" : "e+").append(String.format("%02d", Math.abs(exponent))).toString();
    }
}
