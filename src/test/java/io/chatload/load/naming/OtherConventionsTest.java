package io.chatload.load.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins dlt's other conventions, which a source picks with {@code naming:}: {@code duck_case} (every Unicode character
 * kept, case-sensitive; {@code test_naming_duck_case.py}), {@code sql_cs_v1} and {@code sql_ci_v1} (SQL-safe, case kept
 * or lowered; {@code test_naming_sql.py}) and {@code direct} (names as given, paths joined with {@code ▶}). Pairs beyond
 * dlt's tests were computed by dlt's own modules (dlt-hub/dlt at 58d66fc).
 */
class OtherConventionsTest {

    static Stream<Arguments> duckCase() {
        return Stream.of(
                Arguments.of("+1", "+1"),
                Arguments.of("-1", "-1"),
                Arguments.of("1-1", "1-1"),
                Arguments.of("\ud83e\udd9aPeacock", "\ud83e\udd9aPeacock"),
                Arguments.of("\ud83e\udd9a\ud83e\udd9aPeacocks", "\ud83e\udd9a\ud83e\udd9aPeacocks"),
                Arguments.of("\ud83e\udd9a\ud83e\udd9apeacocks", "\ud83e\udd9a\ud83e\udd9apeacocks"),
                Arguments.of("Ölübeµrsईउऊऋऌऍऎएc⇨usǁs⛔lÄnder", "Ölübeµrsईउऊऋऌऍऎएc⇨usǁs⛔lÄnder"),
                Arguments.of("A\nB\"C\rD", "A_B_C_D"),
                Arguments.of("Имя клиента", "Имя клиента"),
                Arguments.of("Город", "Город"),
                Arguments.of("userName", "userName"),
                Arguments.of("a__b", "a_b"),
                Arguments.of("a____b", "a_b"),
                Arguments.of("'quoted'", "'quoted'"),
                Arguments.of(" \u00a0Отдел\u00a0 ", "Отдел"),
                Arguments.of("a\tb", "a\tb"));
    }

    static Stream<Arguments> duckCasePaths() {
        return Stream.of(
                Arguments.of("Имя__Город", "Имя__Город"),
                Arguments.of("a__b", "a__b"),
                Arguments.of("__Отдел__", "Отдел"),
                Arguments.of("A\nB__C", "A_B__C"));
    }

    static Stream<Arguments> sqlCs() {
        return Stream.of(
                Arguments.of("event_value", "event_value"),
                Arguments.of("event value", "event_value"),
                Arguments.of("event-.!:*<>value", "event_value"),
                Arguments.of("1event_n'", "_1event_n"),
                Arguments.of("123event_n'", "_123event_n"),
                Arguments.of("___a___b", "_a_b"),
                Arguments.of(" small love potion ", "small_love_potion"),
                Arguments.of("+-!$*@#=|:", "_"),
                Arguments.of("_", "_"),
                Arguments.of("+1", "_1"),
                Arguments.of("-1", "_1"),
                Arguments.of("123BaNaNa", "_123BaNaNa"),
                Arguments.of("BANANA", "BANANA"),
                Arguments.of("BAN_ANA", "BAN_ANA"),
                Arguments.of("BANaNA", "BANaNA"),
                Arguments.of("Small Love Potion", "Small_Love_Potion"),
                Arguments.of(" Small Love Potion ", "Small_Love_Potion"),
                Arguments.of("имя", "_"),
                Arguments.of("café", "caf"),
                Arguments.of("٣Ab", "_٣Ab"),
                Arguments.of("userName", "userName"),
                Arguments.of("a__b", "a_b"));
    }

    static Stream<Arguments> sqlCi() {
        return Stream.of(
                Arguments.of("event_value", "event_value"),
                Arguments.of("event value", "event_value"),
                Arguments.of("event-.!:*<>value", "event_value"),
                Arguments.of("1event_n'", "_1event_n"),
                Arguments.of("123event_n'", "_123event_n"),
                Arguments.of("___a___b", "_a_b"),
                Arguments.of(" small love potion ", "small_love_potion"),
                Arguments.of("+-!$*@#=|:", "_"),
                Arguments.of("_", "_"),
                Arguments.of("+1", "_1"),
                Arguments.of("-1", "_1"),
                Arguments.of("123BaNaNa", "_123banana"),
                Arguments.of("BANANA", "banana"),
                Arguments.of("BAN_ANA", "ban_ana"),
                Arguments.of("BANaNA", "banana"),
                Arguments.of("Small Love Potion", "small_love_potion"),
                Arguments.of(" Small Love Potion ", "small_love_potion"),
                Arguments.of("имя", "_"),
                Arguments.of("café", "caf"),
                Arguments.of("٣Ab", "_٣ab"),
                Arguments.of("userName", "username"),
                Arguments.of("a__b", "a_b"));
    }

    static Stream<Arguments> direct() {
        return Stream.of(
                Arguments.of("a▶b", "a_b"),
                Arguments.of("it's", "it_s"),
                Arguments.of("say \"hi\"", "say _hi_"),
                Arguments.of("line\nbreak\r", "line_break"),
                Arguments.of("Имя клиента", "Имя клиента"),
                Arguments.of("a__b", "a__b"),
                Arguments.of(" padded ", "padded"),
                Arguments.of("\ud83e\udd9aPeacock", "\ud83e\udd9aPeacock"));
    }

    static Stream<Arguments> directPaths() {
        return Stream.of(
                Arguments.of("a▶b", "a▶b"),
                Arguments.of("a__b", "a__b"),
                Arguments.of("▶a▶▶b▶", "a▶b"),
                Arguments.of("It's▶ok", "It_s▶ok"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("duckCase")
    void duckCaseKeepsUnicode(String key, String expected) {
        assertEquals(expected, Naming.DUCK_CASE.convention(0).normalizeIdentifier(key), "duck_case of '" + key + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("duckCasePaths")
    void duckCasePaths(String path, String expected) {
        assertEquals(expected, Naming.DUCK_CASE.convention(0).normalizePath(path), "duck_case path '" + path + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("sqlCs")
    void sqlCsKeepsCase(String key, String expected) {
        assertEquals(expected, Naming.SQL_CS_V1.convention(0).normalizeIdentifier(key), "sql_cs_v1 of '" + key + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("sqlCi")
    void sqlCiLowersCase(String key, String expected) {
        assertEquals(expected, Naming.SQL_CI_V1.convention(0).normalizeIdentifier(key), "sql_ci_v1 of '" + key + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("direct")
    void directChangesOnlyQuotesAndNewLines(String key, String expected) {
        assertEquals(expected, Naming.DIRECT.convention(0).normalizeIdentifier(key), "direct of '" + key + "'");
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @MethodSource("directPaths")
    void directPathsUseTheTriangle(String path, String expected) {
        assertEquals(expected, Naming.DIRECT.convention(0).normalizePath(path), "direct path '" + path + "'");
    }
}
