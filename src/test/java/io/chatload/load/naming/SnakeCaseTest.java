package io.chatload.load.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pins dlt's default {@code snake_case} ({@code dlt/common/normalizers/naming/snake_case.py}): the pairs of dlt's
 * {@code tests/common/normalizers/test_naming_snake_case.py}, then edge cases whose expected names were computed by
 * dlt's own module (dlt-hub/dlt at 58d66fc): non-ASCII letters become {@code _} (so {@code имя} → {@code x}), Unicode
 * decimal digits stay (Python's {@code \d}), Python's white space (no-break spaces too) is trimmed, and a record key
 * is a path ({@code normalize_path}), so {@code a__b} keeps its separator.
 */
class SnakeCaseTest {
    private final NamingConvention snake = Naming.SNAKE_CASE.convention(0);

    static Stream<Arguments> dltTestPairs() {
        return Stream.of(
                Arguments.of("event_value", "event_value"),
                Arguments.of("event value", "event_value"),
                Arguments.of("event-.!:*<>value", "event_x_value"),
                Arguments.of("1event_n'", "_1event_nx"),
                Arguments.of("123event_n'", "_123event_nx"),
                Arguments.of("123BaNaNa", "_123_ba_na_na"),
                Arguments.of("BANANA", "banana"),
                Arguments.of("BAN_ANA", "ban_ana"),
                Arguments.of("BANaNA", "ba_na_na"),
                Arguments.of("Small Love Potion", "small_love_potion"),
                Arguments.of(" Small Love Potion ", "small_love_potion"),
                Arguments.of("BANANA_", "bananax"),
                Arguments.of("BANANA____", "bananaxxxx"),
                Arguments.of("+-!$*@#=|:", "x_xa_lx"),
                Arguments.of("+1", "x1"),
                Arguments.of("-1", "_1"),
                Arguments.of("+-*@|", "x_xal"),
                Arguments.of("event__value_value2____", "event_value_value2xxxx"),
                Arguments.of(".\n'played CELLO\ud83d\udea7_", "_played_celloxx"),
                Arguments.of("  .\n'played CELLO\ud83d\udea7_ \t\n", "_played_celloxx"),
                Arguments.of("123.\"\rhello\ud83d\ude04!", "_123_hellox"));
    }

    static Stream<Arguments> edgeCases() {
        return Stream.of(
                Arguments.of("lastSeen", "last_seen"),
                Arguments.of("jobTitle", "job_title"),
                Arguments.of("URLPath", "url_path"),
                Arguments.of("userID", "user_id"),
                Arguments.of("HTTPResponseCode", "http_response_code"),
                Arguments.of("getHTTPResponse", "get_http_response"),
                Arguments.of("ABCDef", "abc_def"),
                Arguments.of("a1B", "a1_b"),
                Arguments.of("a_1B", "a_1_b"),
                Arguments.of("LISTxident", "lis_txident"),
                Arguments.of("id", "id"),
                Arguments.of("select", "select"),
                Arguments.of("2fa", "_2fa"),
                Arguments.of("имя", "x"),
                Arguments.of("café", "cafx"),
                Arguments.of("Straße", "stra_e"),
                Arguments.of("日本", "x"),
                Arguments.of("имяПользователя", "x"),
                Arguments.of("ÄÖÜber", "_ber"),
                Arguments.of("\ud83e\udd9aPeacock", "_peacock"),
                Arguments.of("a__b", "a_b"),
                Arguments.of("__a__", "_axx"),
                Arguments.of("_a", "_a"),
                Arguments.of("a___", "axxx"),
                Arguments.of("a\u00a0b", "a_b"),
                Arguments.of("\u00a0a\u00a0", "a"),
                Arguments.of("\u2007x\u202f", "x"),
                Arguments.of("\u0085y\u3000", "y"),
                Arguments.of("a\u200bb", "a_b"),
                Arguments.of("٣abc", "_٣abc"),
                Arguments.of("abc٣", "abc٣"),
                Arguments.of("x١٢Ab", "x١٢_ab"),
                Arguments.of("٣Ab", "_٣_ab"),
                Arguments.of("\ud835\udfcfa", "_\ud835\udfcfa"),
                Arguments.of("²a", "_a"),
                Arguments.of("Ⅻ", "x"),
                Arguments.of("a\tb", "a_b"),
                Arguments.of("\u212aelvin", "_elvin"),
                Arguments.of("ǅungla", "_ungla"),
                Arguments.of("İstanbul", "_stanbul"),
                Arguments.of("ﬁle", "_le"),
                Arguments.of("a‿b", "a_b"),
                Arguments.of("aa\u0301", "aax"),
                Arguments.of("a\"; DROP TABLE x; --", "a_drop_table_xxxx"),
                Arguments.of("user-name", "user_name"),
                Arguments.of("e@mail", "eamail"),
                Arguments.of("a|b", "alb"));
    }

    static Stream<Arguments> paths() {
        return Stream.of(
                Arguments.of("small_love_potion", "small_love_potion"),
                Arguments.of("small__love__potion", "small__love__potion"),
                Arguments.of("Small_Love_Potion", "small_love_potion"),
                Arguments.of("Small__Love__Potion", "small__love__potion"),
                Arguments.of("Small Love Potion", "small_love_potion"),
                Arguments.of("Small  Love  Potion", "small_love_potion"),
                Arguments.of("Small___Love____Potion_____x", "small___love__potion___x"),
                Arguments.of("small___love__potion___x", "small___love__potion___x"),
                Arguments.of("e_vent__value_value2___", "e_vent__value_value2__x"),
                Arguments.of("a__b", "a__b"),
                Arguments.of("__a__", "a"),
                Arguments.of("a____b", "a__b"),
                Arguments.of("_a_____b", "_a___b"),
                Arguments.of("a__ \t__b", "a__b"),
                Arguments.of("userName__firstName", "user_name__first_name"),
                Arguments.of("имя__café", "x__cafx"),
                Arguments.of("_dlt_id", "_dlt_id"),
                Arguments.of("_dlt_load_id", "_dlt_load_id"),
                Arguments.of("__dlt_id", "dlt_id"),
                Arguments.of("a__٣", "a___٣"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("dltTestPairs")
    void normalizesAsDltsTestsSay(String key, String expected) {
        assertEquals(expected, snake.normalizeIdentifier(key), "snake_case of '" + key + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("edgeCases")
    void normalizesEdgeCasesAsDltDoes(String key, String expected) {
        assertEquals(expected, snake.normalizeIdentifier(key), "snake_case of '" + key + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("paths")
    void normalizesPathsAsDltDoes(String path, String expected) {
        assertEquals(expected, snake.normalizePath(path), "normalize_path of '" + path + "'");
    }

    /** dlt's base {@code normalize_identifier} raises on an empty name; the relational normaliser calls it {@code _empty}. */
    @ParameterizedTest
    @ValueSource(strings = {"", "   \t\n ", "\u00a0", "\u2007\u202f"})
    void anEmptyIdentifierIsRefused(String key) {
        assertThrows(IllegalArgumentException.class, () -> snake.normalizeIdentifier(key));
    }
}
