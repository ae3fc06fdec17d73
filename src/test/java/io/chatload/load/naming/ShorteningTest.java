package io.chatload.load.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pins dlt's identifier shortening ({@code NamingConvention.shorten_identifier} in {@code naming.py}): the tag is
 * SHAKE-128 of the UTF-8 text, 4 bytes, base64 unpadded with {@code /+} → {@code ab}, lower-cased (the fixture of dlt's
 * {@code test_tag_generation}); it goes in the middle, the head taking the odd character ({@code test_tag_placement});
 * lengths are code points. Then names past each destination's limit (PostgreSQL 63, MariaDB/MySQL 64, H2 256) in every
 * convention, key paths, child tables and variant columns, as computed by dlt's own code (dlt-hub/dlt at 58d66fc).
 */
class ShorteningTest {
    private static final String LONG_PATH = "prospects_external_data__data365_member__member__feed_activities_created_post"
            + "__items__comments__items__comments__items__author_details__educations";

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource({
        "3f17271231504b8cf65690bcdc379df8a3b8aabe12efe1ea82848ec5f497cb69, gds0iw",
        "58e5c351b53ffe1233e0656a532a721ae1d2ac7af71b6cfec8ceb64c63b10721, uyboiq",
        "e3f34629839cedcabba95354e48a78dc80b0cd35c02ddfbbf20196ba7f968866, 51wdcg",
        "f0f22b8e8c58389a6c21dbcc1e261ee0354704e24996a0ec541276f58d1f2f52, bpm7ca",
        "0d0de95c7c12ceee919d28d22c970285d80a36dea4fe32dbdd667a888ae6d47f, doqcuq",
        "4973509ea648ddfbaf6c50e1fef33c3b0a3d1c1a82dff543a8255e60b6572567, cl7rpq",
        "877c89f0dcbd24b8c3f787624ddca09deb6a44e4a72f12527209d78e4d9ed247, xrnycg",
        "064df58cd3a51c50dbf30e975e63961a501212ff8e8ca544ab396727f4b8a367, kgiizq",
        "c8f7da1b5c44c1ca10da67c1514c4cf365e4d5912685b25a39206d5c8c1966a1, dj9zqq",
        "222d42333592ea87823fd2e7868d59fb0aded20603f433319691918299513cb6, futp4w",
        "757d64eb242a91b494ec9e2661a7946410d68144d33860d6f4154092d65d5009, wetlpg",
        "3c7348d43478292b4c4e0689d41a536fc8ccabdbd9fb9d0dfbe757a83d34cebe, avxagg",
        "6896fac1546c201d4dc91d2c51bdcd9c820fe92fd0555947e59fdc89ca6f045d, wbaj3w",
        "b4def322a4487dd90fcc4abd2f1efde0cdce81d8e0a580fd1897203ab4ebcebe, whojmw",
        "07d974124b92adafc90473a3968ceb5e8329d815e0e48260473d70a781adb8ae, aiqcea",
        "c67183a762e379290652cc26a786b21eff347643b1cc9012138f460901ce5d53, zfztpg",
        "430976db5adef67d0009aa3cd9a2daca106829b36a7232732c5d694e7197c6d1, evr7rq",
        "c1c8c0ff6933fa4e23fab5605139124b2c6cda0150a412daaea274818ee46e35, er0nxq",
        "0060c538b6ce02b8d8e2c85b4e2810c58b846f4096ed7ab871fc092c45ac09d9, zh9xgg",
        "4d4b99ff5d2a3d5cd076782c9cd088cd85d5c789d7de6bdc19c1d206b687d485, 2vvr5a",
    })
    void tagsAreDltsFixture(String content, String tag) {
        assertEquals(tag, IdentifierShortener.tag(content), "tag of " + content);
    }

    /** The hash under the tag, as Python's hashlib gives it: around the 168-byte block edge too. */
    @ParameterizedTest(name = "[{index}] {0} bytes")
    @CsvSource({
        "0, 7f9c2ba4e88f827d616045507605",
        "3, 5881092dd818bf5cf8a3ddb793fb",
        "167, 4f5c6c53ae8190a8ff8a55b2125d",
        "168, c22e11586c22b713bde373fce933",
        "200, 70ac9b97e891be583e08929ce4cc",
    })
    void shake128AsPythonsHashlib(int length, String hexPrefix) {
        byte[] message = length == 3 ? new byte[] {'a', 'b', 'c'} : "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
        assertEquals(hexPrefix, HexFormat.of().formatHex(Shake128.digest(message, hexPrefix.length() / 2)));
    }

    @Test
    void tagPlacementAsDltsTest() {
        String tag = "123456";
        assertEquals(tag, IdentifierShortener.trimAndTag("DLTHUB", tag, 6));
        assertEquals(tag, IdentifierShortener.trimAndTag("prefDLTHUBsuf", tag, 6));
        assertEquals("D" + tag, IdentifierShortener.trimAndTag("DLT_HUB", tag, 7));
        assertEquals("p" + tag, IdentifierShortener.trimAndTag("prefDLT_HUBsuf", tag, 7));
        assertEquals("D" + tag + "_", IdentifierShortener.trimAndTag("DLT_HUB_", tag, 8));
        assertEquals("p" + tag + "f", IdentifierShortener.trimAndTag("prefDLT_HUB_suf", tag, 8));
        assertThrows(IllegalArgumentException.class, () -> IdentifierShortener.trimAndTag("xDLTHUBx", tag, 5));
    }

    @Test
    void shortenIdentifierAsDltsTest() {
        assertEquals("012345678", IdentifierShortener.shorten("012345678", "xxx012345678xxx", 10), "within the limit");
        assertEquals("0123456789", IdentifierShortener.shorten("0123456789", "xxx012345678xx?", 10), "at the limit");
        assertEquals("she plauanpualo well", IdentifierShortener.shorten("she played cello well", "she played cello well", 20));
        assertEquals(LONG_PATH.repeat(8), IdentifierShortener.shorten(LONG_PATH.repeat(8), LONG_PATH, 0), "no limit");
    }

    /** Python counts code points: an emoji is one character of the limit, and is never cut in half. */
    @Test
    void lengthsAreCodePoints() {
        String name = "🦚".repeat(20);
        String shortened = Naming.DUCK_CASE.convention(16).normalizeIdentifier(name);
        assertEquals("🦚".repeat(5) + IdentifierShortener.tag(name) + "🦚".repeat(5), shortened);
        assertEquals(name, Naming.DUCK_CASE.convention(20).normalizeIdentifier(name), "20 code points fit 20");
    }

    /** Beyond dlt, for PostgreSQL's byte limit: the same head, tag and tail, counted in UTF-8 bytes. */
    @Test
    void namesPastAsciiFitAByteLimit() {
        String cyrillic = "Дополнительное поле клиента для рассылок";
        String shortened = IdentifierShortener.shortenToBytes(cyrillic, 63);
        assertEquals("Дополнительное " + IdentifierShortener.tag(cyrillic) + "та для рассылок", shortened);
        assertEquals(63, shortened.getBytes(StandardCharsets.UTF_8).length);
        String ascii = "k".repeat(100);
        assertEquals(IdentifierShortener.shorten(ascii, ascii, 63), IdentifierShortener.shortenToBytes(ascii, 63),
                "for ASCII it is dlt's shortening");
        assertEquals(cyrillic, IdentifierShortener.shortenToBytes(cyrillic, 80), "80 bytes fit 80");
    }

    static Stream<Arguments> destinationLimits() {
        return Stream.of(
                Arguments.of(Naming.SNAKE_CASE, 63, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(28)),
                Arguments.of(Naming.SNAKE_CASE, 63, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "very_long_camel_case_custom_fen9uwgcamel_case_custom_field_name"),
                Arguments.of(Naming.SNAKE_CASE, 63, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lq__author_details__educations"),
                Arguments.of(Naming.SNAKE_CASE, 63, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "x"),
                Arguments.of(Naming.SNAKE_CASE, 63, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(25) + "__c"),
                Arguments.of(Naming.SNAKE_CASE, 64, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(29)),
                Arguments.of(Naming.SNAKE_CASE, 64, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "very_long_camel_case_custom_fen9uwg_camel_case_custom_field_name"),
                Arguments.of(Naming.SNAKE_CASE, 64, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lqs__author_details__educations"),
                Arguments.of(Naming.SNAKE_CASE, 64, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "x"),
                Arguments.of(Naming.SNAKE_CASE, 64, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(26) + "__c"),
                Arguments.of(Naming.SNAKE_CASE, 256, "k".repeat(500), "k".repeat(125) + "15gnxw" + "k".repeat(125)),
                Arguments.of(Naming.SNAKE_CASE, 256, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "very_long_camel_case_custom_field_namevery_long_camel_case_custom_field_namevery_long_camel_case_custom_field_name"),
                Arguments.of(Naming.SNAKE_CASE, 256, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations"),
                Arguments.of(Naming.SNAKE_CASE, 256, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "x"),
                Arguments.of(Naming.SNAKE_CASE, 256, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(100) + "__c"),
                Arguments.of(Naming.DUCK_CASE, 63, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(28)),
                Arguments.of(Naming.DUCK_CASE, 63, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNen9uwgLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.DUCK_CASE, 63, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lq__author_details__educations"),
                Arguments.of(Naming.DUCK_CASE, 63, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "Поле клиента с очень длинным elqrwgм для проверки обрезки имени"),
                Arguments.of(Naming.DUCK_CASE, 63, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(25) + "__c"),
                Arguments.of(Naming.DUCK_CASE, 64, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(29)),
                Arguments.of(Naming.DUCK_CASE, 64, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNen9uwgyLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.DUCK_CASE, 64, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lqs__author_details__educations"),
                Arguments.of(Naming.DUCK_CASE, 64, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "Поле клиента с очень длинным elqrwgем для проверки обрезки имени"),
                Arguments.of(Naming.DUCK_CASE, 64, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(26) + "__c"),
                Arguments.of(Naming.DUCK_CASE, 256, "k".repeat(500), "k".repeat(125) + "15gnxw" + "k".repeat(125)),
                Arguments.of(Naming.DUCK_CASE, 256, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.DUCK_CASE, 256, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations"),
                Arguments.of(Naming.DUCK_CASE, 256, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени"),
                Arguments.of(Naming.DUCK_CASE, 256, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(100) + "__c"),
                Arguments.of(Naming.DIRECT, 63, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(28)),
                Arguments.of(Naming.DIRECT, 63, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNen9uwgLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.DIRECT, 63, "prospects_external_data▶data365_member▶member▶feed_activities_created_post▶items▶comments▶items▶comments▶items▶author_details▶educations", "prospects_external_data▶data358caqqms▶author_details▶educations"),
                Arguments.of(Naming.DIRECT, 63, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "Поле клиента с очень длинным elqrwgм для проверки обрезки имени"),
                Arguments.of(Naming.DIRECT, 63, "a▶" + "b".repeat(100) + "▶c", "a▶" + "b".repeat(27) + "eqx9wg" + "b".repeat(26) + "▶c"),
                Arguments.of(Naming.DIRECT, 64, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(29)),
                Arguments.of(Naming.DIRECT, 64, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNen9uwgyLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.DIRECT, 64, "prospects_external_data▶data365_member▶member▶feed_activities_created_post▶items▶comments▶items▶comments▶items▶author_details▶educations", "prospects_external_data▶data358caqqems▶author_details▶educations"),
                Arguments.of(Naming.DIRECT, 64, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "Поле клиента с очень длинным elqrwgем для проверки обрезки имени"),
                Arguments.of(Naming.DIRECT, 64, "a▶" + "b".repeat(100) + "▶c", "a▶" + "b".repeat(27) + "eqx9wg" + "b".repeat(27) + "▶c"),
                Arguments.of(Naming.DIRECT, 256, "k".repeat(500), "k".repeat(125) + "15gnxw" + "k".repeat(125)),
                Arguments.of(Naming.DIRECT, 256, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.DIRECT, 256, "prospects_external_data▶data365_member▶member▶feed_activities_created_post▶items▶comments▶items▶comments▶items▶author_details▶educations", "prospects_external_data▶data365_member▶member▶feed_activities_created_post▶items▶comments▶items▶comments▶items▶author_details▶educations"),
                Arguments.of(Naming.DIRECT, 256, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени"),
                Arguments.of(Naming.DIRECT, 256, "a▶" + "b".repeat(100) + "▶c", "a▶" + "b".repeat(100) + "▶c"),
                Arguments.of(Naming.SQL_CS_V1, 63, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(28)),
                Arguments.of(Naming.SQL_CS_V1, 63, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNen9uwgLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.SQL_CS_V1, 63, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lq__author_details__educations"),
                Arguments.of(Naming.SQL_CS_V1, 63, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "_"),
                Arguments.of(Naming.SQL_CS_V1, 63, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(25) + "__c"),
                Arguments.of(Naming.SQL_CS_V1, 64, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(29)),
                Arguments.of(Naming.SQL_CS_V1, 64, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNen9uwgyLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.SQL_CS_V1, 64, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lqs__author_details__educations"),
                Arguments.of(Naming.SQL_CS_V1, 64, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "_"),
                Arguments.of(Naming.SQL_CS_V1, 64, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(26) + "__c"),
                Arguments.of(Naming.SQL_CS_V1, 256, "k".repeat(500), "k".repeat(125) + "15gnxw" + "k".repeat(125)),
                Arguments.of(Naming.SQL_CS_V1, 256, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName"),
                Arguments.of(Naming.SQL_CS_V1, 256, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations"),
                Arguments.of(Naming.SQL_CS_V1, 256, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "_"),
                Arguments.of(Naming.SQL_CS_V1, 256, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(100) + "__c"),
                Arguments.of(Naming.SQL_CI_V1, 63, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(28)),
                Arguments.of(Naming.SQL_CI_V1, 63, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "verylongcamelcasecustomfieldnen9uwglongcamelcasecustomfieldname"),
                Arguments.of(Naming.SQL_CI_V1, 63, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lq__author_details__educations"),
                Arguments.of(Naming.SQL_CI_V1, 63, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "_"),
                Arguments.of(Naming.SQL_CI_V1, 63, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(25) + "__c"),
                Arguments.of(Naming.SQL_CI_V1, 64, "k".repeat(500), "k".repeat(29) + "15gnxw" + "k".repeat(29)),
                Arguments.of(Naming.SQL_CI_V1, 64, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "verylongcamelcasecustomfieldnen9uwgylongcamelcasecustomfieldname"),
                Arguments.of(Naming.SQL_CI_V1, 64, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__datavjh0lqs__author_details__educations"),
                Arguments.of(Naming.SQL_CI_V1, 64, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "_"),
                Arguments.of(Naming.SQL_CI_V1, 64, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(26) + "h51ska" + "b".repeat(26) + "__c"),
                Arguments.of(Naming.SQL_CI_V1, 256, "k".repeat(500), "k".repeat(125) + "15gnxw" + "k".repeat(125)),
                Arguments.of(Naming.SQL_CI_V1, 256, "veryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldNameveryLongCamelCaseCustomFieldName", "verylongcamelcasecustomfieldnameverylongcamelcasecustomfieldnameverylongcamelcasecustomfieldname"),
                Arguments.of(Naming.SQL_CI_V1, 256, "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations", "prospects_external_data__data365_member__member__feed_activities_created_post__items__comments__items__comments__items__author_details__educations"),
                Arguments.of(Naming.SQL_CI_V1, 256, "Поле клиента с очень длинным названием для проверки обрезки имени Поле клиента с очень длинным названием для проверки обрезки имени ", "_"),
                Arguments.of(Naming.SQL_CI_V1, 256, "a__" + "b".repeat(100) + "__c", "a__" + "b".repeat(100) + "__c"));
    }

    @ParameterizedTest(name = "[{index}] {0} at {1}")
    @MethodSource("destinationLimits")
    void keysPastTheDestinationsLimit(Naming naming, int limit, String key, String expected) {
        assertEquals(expected, naming.convention(limit).normalizePath(key), naming + " at " + limit + " of '" + key + "'");
    }

    static Stream<Arguments> fragments() {
        return Stream.of(
                Arguments.of(63, new String[] {"chats", "events"}, "chats__events"),
                Arguments.of(63, new String[] {"chats", "events", "params", "items"}, "chats__events__params__items"),
                Arguments.of(63, new String[] {"visitors", "custom_fields_" + "x".repeat(60)}, "visitors__custom_fields_xxxxxkzbhlq" + "x".repeat(28)),
                Arguments.of(63, new String[] {"visitor_chats", "messages", "attachments_of_every_kind_and_size", "thumbnails", "variants"}, "visitor_chats__messages__attak6bv4ad_size__thumbnails__variants"),
                Arguments.of(63, new String[] {"a".repeat(62), "v_text"}, "a".repeat(29) + "vlzv7q" + "a".repeat(20) + "__v_text"),
                Arguments.of(63, new String[] {"a".repeat(63), "v_double"}, "a".repeat(29) + "tqrww" + "a".repeat(19) + "__v_double"),
                Arguments.of(63, new String[] {"custom__field_field_field_field_field_field_field_field_field_field_", "v_bool"}, "custom__field_field_field_fieom93ogd_field_field_field___v_bool"),
                Arguments.of(64, new String[] {"chats", "events"}, "chats__events"),
                Arguments.of(64, new String[] {"chats", "events", "params", "items"}, "chats__events__params__items"),
                Arguments.of(64, new String[] {"visitors", "custom_fields_" + "x".repeat(60)}, "visitors__custom_fields_xxxxxkzbhlq" + "x".repeat(29)),
                Arguments.of(64, new String[] {"visitor_chats", "messages", "attachments_of_every_kind_and_size", "thumbnails", "variants"}, "visitor_chats__messages__attak6bv4and_size__thumbnails__variants"),
                Arguments.of(64, new String[] {"a".repeat(62), "v_text"}, "a".repeat(29) + "vlzv7q" + "a".repeat(21) + "__v_text"),
                Arguments.of(64, new String[] {"a".repeat(63), "v_double"}, "a".repeat(29) + "tqrww" + "a".repeat(20) + "__v_double"),
                Arguments.of(64, new String[] {"custom__field_field_field_field_field_field_field_field_field_field_", "v_bool"}, "custom__field_field_field_fieom93ogld_field_field_field___v_bool"),
                Arguments.of(256, new String[] {"chats", "events"}, "chats__events"),
                Arguments.of(256, new String[] {"chats", "events", "params", "items"}, "chats__events__params__items"),
                Arguments.of(256, new String[] {"visitors", "custom_fields_" + "x".repeat(60)}, "visitors__custom_fields_" + "x".repeat(60)),
                Arguments.of(256, new String[] {"visitor_chats", "messages", "attachments_of_every_kind_and_size", "thumbnails", "variants"}, "visitor_chats__messages__attachments_of_every_kind_and_size__thumbnails__variants"),
                Arguments.of(256, new String[] {"a".repeat(62), "v_text"}, "a".repeat(62) + "__v_text"),
                Arguments.of(256, new String[] {"a".repeat(63), "v_double"}, "a".repeat(63) + "__v_double"),
                Arguments.of(256, new String[] {"custom__field_field_field_field_field_field_field_field_field_field_", "v_bool"}, "custom__field_field_field_field_field_field_field_field_field_field___v_bool"),
                Arguments.of(16, new String[] {"chats", "events"}, "chats__events"),
                Arguments.of(16, new String[] {"chats", "events", "params", "items"}, "chatspe5nfwitems"),
                Arguments.of(16, new String[] {"visitors", "custom_fields_" + "x".repeat(60)}, "visitkzbhlqxxxxx"),
                Arguments.of(16, new String[] {"visitor_chats", "messages", "attachments_of_every_kind_and_size", "thumbnails", "variants"}, "visitk6bv4aiants"),
                Arguments.of(16, new String[] {"a".repeat(62), "v_text"}, "aaaaavlzv7q_text"),
                Arguments.of(16, new String[] {"a".repeat(63), "v_double"}, "aaaaatqrwwaouble"),
                Arguments.of(16, new String[] {"custom__field_field_field_field_field_field_field_field_field_field_", "v_bool"}, "custoom93og_bool"));
    }

    /** Child tables ({@code parent__field}) and variant columns ({@code col__v_<type>}) are dlt's shorten_fragments. */
    @ParameterizedTest(name = "[{index}] {2}")
    @MethodSource("fragments")
    void childTablesAndVariantsAreShortenedFragments(int limit, String[] fragments, String expected) {
        assertEquals(expected, Naming.SNAKE_CASE.convention(limit).shortenFragments(fragments), "at " + limit);
    }
}
