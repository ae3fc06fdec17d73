package io.chatload.sandbox;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static io.chatload.sandbox.SandboxHttp.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class SandboxDataTest {
    private static final Pattern OBJECT_ID = Pattern.compile("[0-9a-f]{24}");
    private static final Pattern ISO_MILLIS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z");
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> OPERATOR_KEYS = List.of("id", "email", "name", "language", "jobTitle", "role",
            "lastLoginAt", "lastActivityAt", "image", "lastStatus", "realStatus");
    private static final List<String> VISITOR_KEYS = List.of("id", "name", "email", "phone", "notes", "custom", "utm",
            "sourceHost", "emailMarketingConsent", "lastSeen", "lastChatAt", "createdAt");
    private static final List<String> DETAIL_KEYS = List.of("browser", "os", "language", "ip", "location");

    private static final SandboxData MEDIUM = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.MEDIUM));

    @Test
    void sameConfigGivesByteIdenticalJson() {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.MEDIUM);
        SandboxData again = SandboxData.generate(config);
        assertArrayEquals(bytes(MEDIUM.truth()), bytes(again.truth()));
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            String id = (String) visitor.get("id");
            assertArrayEquals(bytes(MEDIUM.chaportVisitor(id)), bytes(again.chaportVisitor(id)), "visitor " + id);
        }
    }

    @Test
    void differentSeedsGiveDifferentData() {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY);
        SandboxData first = SandboxData.generate(config.withSeed(1));
        SandboxData second = SandboxData.generate(config.withSeed(2));
        assertFalse(first.chaportOperators().equals(second.chaportOperators()), "operators");
        assertFalse(first.chaportVisitors().equals(second.chaportVisitors()), "visitors");
        assertFalse(first.chatformaBots().equals(second.chatformaBots()), "bots");
    }

    @Test
    void eachKindOfRecordHasItsOwnRandomStream() {
        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.TINY);
        SandboxData fewBots = SandboxData.generate(config.withBots(1).withOperators(2));
        SandboxData manyBots = SandboxData.generate(config.withBots(9).withOperators(7));
        assertEquals(fewBots.chaportVisitors(), manyBots.chaportVisitors());
    }

    @Test
    void countsFollowTheConfig() {
        SandboxData data = SandboxData.generate(SandboxConfig.defaults().withOperators(4).withVisitors(33).withBots(0));
        assertEquals(4, data.chaportOperators().size());
        assertEquals(33, data.chaportVisitors().size());
        assertEquals(List.of(), data.chatformaBots());
        SandboxData tiny = SandboxData.generate(SandboxConfig.defaults().withScale(Scale.TINY));
        assertEquals(List.of(3, 12, 2), List.of(tiny.chaportOperators().size(), tiny.chaportVisitors().size(),
                tiny.chatformaBots().size()));
    }

    @Test
    void idsLookLikeChaportsAndAreUnique() {
        Set<String> ids = new HashSet<>();
        for (Map<String, Object> record : concat(MEDIUM.chaportOperators(), MEDIUM.chaportVisitors())) {
            String id = (String) record.get("id");
            assertTrue(OBJECT_ID.matcher(id).matches(), id);
            assertTrue(ids.add(id), "duplicate id " + id);
        }
    }

    @Test
    void operatorsHaveTheDocumentedKeysInOrder() {
        for (Map<String, Object> operator : MEDIUM.chaportOperators()) {
            List<String> keys = new ArrayList<>(operator.keySet());
            assertEquals(OPERATOR_KEYS.stream().filter(keys::contains).toList(), keys, "keys of " + operator);
            for (String required : List.of("id", "email", "name", "language", "role", "lastStatus", "realStatus")) {
                assertNotNull(operator.get(required), required + " of " + operator);
            }
            assertTrue(Set.of("operator", "admin").contains(operator.get("role")), operator.toString());
            assertTimestampOrNull(operator.get("lastLoginAt"));
            assertTimestampOrNull(operator.get("lastActivityAt"));
        }
        assertEquals("admin", MEDIUM.chaportOperators().get(0).get("role"), "the account owner");
        assertSomeNullAndSomeMissing(MEDIUM.chaportOperators(), "image");
        assertSomeNullAndSomeMissing(MEDIUM.chaportOperators(), "jobTitle");
    }

    @Test
    void visitorsComeMostRecentChatFirstWithDistinctChatTimes() {
        Instant previous = Instant.MAX;
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            Instant lastChatAt = timestamp(visitor.get("lastChatAt"));
            assertTrue(lastChatAt.isBefore(previous), "not strictly newest first at " + visitor.get("id"));
            previous = lastChatAt;
            Instant createdAt = timestamp(visitor.get("createdAt"));
            Instant lastSeen = timestamp(visitor.get("lastSeen"));
            assertFalse(createdAt.isAfter(lastChatAt), "created after its last chat: " + visitor.get("id"));
            assertFalse(lastSeen.isBefore(lastChatAt), "last seen before its last chat: " + visitor.get("id"));
            assertTrue(lastSeen.isBefore(EPOCH), "from the future: " + visitor.get("id"));
        }
    }

    @Test
    void visitorsHaveTheListKeysAndTheDetailAddsTheRest() {
        for (Map<String, Object> visitor : MEDIUM.chaportVisitors()) {
            List<String> keys = new ArrayList<>(visitor.keySet());
            assertEquals(VISITOR_KEYS.stream().filter(keys::contains).toList(), keys, "keys of " + visitor);
            assertNotNull(visitor.get("name"));
            Map<String, Object> detail = MEDIUM.chaportVisitor((String) visitor.get("id"));
            List<String> detailKeys = new ArrayList<>(keys);
            detailKeys.addAll(DETAIL_KEYS);
            assertEquals(detailKeys, new ArrayList<>(detail.keySet()));
            keys.forEach(key -> assertEquals(visitor.get(key), detail.get(key), key));
            Map<?, ?> location = (Map<?, ?>) detail.get("location");
            assertEquals(List.of("city", "country", "countryCode"), new ArrayList<>(location.keySet()));
        }
        assertNull(MEDIUM.chaportVisitor("000000000000000000000000"));
        assertNull(MEDIUM.chaportOperator("000000000000000000000000"));
    }

    @Test
    void visitorDataIsAsVariedAsARealAccount() {
        List<Map<String, Object>> visitors = MEDIUM.chaportVisitors();
        assertAnyName(visitors, "Cyrillic", name -> name.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC));
        assertAnyName(visitors, "CJK", name -> name.codePoints()
                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN));
        assertAnyName(visitors, "accented Latin", name -> name.matches(".*[éèüöäçãñóáíłś].*"));
        assertAnyName(visitors, "emoji outside the BMP", name -> name.codePoints().anyMatch(c -> c > 0xFFFF));
        assertAnyName(visitors, "auto name like 'London #1399'", name -> name.matches("\\p{L}[\\p{L} ]* #\\d+"));
        assertTrue(visitors.stream().map(v -> v.get("custom")).anyMatch(c -> c instanceof Map<?, ?> custom
                && custom.get("company") instanceof Map), "a nested object in custom");
        assertSomeNullAndSomeMissing(visitors, "email");
        assertSomeNullAndSomeMissing(visitors, "utm");
    }

    @Test
    void botsHaveIntegerIdsAndKnownChannels() {
        Set<Integer> ids = new HashSet<>();
        for (Map<String, Object> bot : SandboxData.generate(SandboxConfig.defaults().withBots(40)).chatformaBots()) {
            assertEquals(List.of("id", "title", "type"), new ArrayList<>(bot.keySet()));
            assertTrue(ids.add((Integer) bot.get("id")), "duplicate bot id " + bot);
            assertTrue(Set.of("telegram", "vk", "viber", "facebook").contains(bot.get("type")), bot.toString());
        }
    }

    @Test
    void truthIsTheServedRecordsAndCannotBeChanged() {
        Map<String, Object> truth = MEDIUM.truth();
        Map<?, ?> chaport = (Map<?, ?>) truth.get("chaport");
        assertEquals(List.of("operators", "visitors", "chats", "webhooks"), new ArrayList<>(chaport.keySet()));
        assertEquals(MEDIUM.chaportOperators(), chaport.get("operators"));
        assertEquals(MEDIUM.chaportVisitors(), chaport.get("visitors"));
        assertEquals(MEDIUM.chaportSubscriptions(), chaport.get("webhooks"));
        Map<?, ?> chatforma = (Map<?, ?>) truth.get("chatforma");
        assertEquals(List.of("bots", "users", "dialogs", "dialogMessages", "forms", "segments", "messages",
                "dispatches", "formCompletions"), new ArrayList<>(chatforma.keySet()));
        assertEquals(MEDIUM.chatformaBots(), chatforma.get("bots"));
        assertThrows(UnsupportedOperationException.class, () -> truth.put("x", 1));
        assertThrows(UnsupportedOperationException.class, () -> ((Map<?, ?>) truth.get("chaport")).clear());
        assertThrows(UnsupportedOperationException.class, () -> MEDIUM.chaportVisitors().remove(0));
        assertThrows(UnsupportedOperationException.class, () -> MEDIUM.chaportOperators().get(0).put("name", "x"));
        String id = (String) MEDIUM.chaportVisitors().get(0).get("id");
        assertThrows(UnsupportedOperationException.class, () -> MEDIUM.chaportVisitor(id).put("name", "x"));
    }

    private static void assertAnyName(List<Map<String, Object>> visitors, String what, Predicate<String> test) {
        assertTrue(visitors.stream().map(v -> (String) v.get("name")).anyMatch(test), "no visitor name is " + what);
    }

    private static void assertSomeNullAndSomeMissing(List<Map<String, Object>> records, String key) {
        assertTrue(records.stream().anyMatch(r -> r.containsKey(key) && r.get(key) == null), "no null " + key);
        assertTrue(records.stream().anyMatch(r -> !r.containsKey(key)), "no record without " + key);
        assertTrue(records.stream().anyMatch(r -> r.get(key) != null), "no record with a " + key);
    }

    private static void assertTimestampOrNull(Object value) {
        if (value != null) {
            timestamp(value);
        }
    }

    private static Instant timestamp(Object value) {
        if (!(value instanceof String text) || !ISO_MILLIS.matcher(text).matches()) {
            return fail("not an ISO-8601 UTC timestamp with milliseconds: " + value);
        }
        return Instant.parse(text);
    }

    private static List<Map<String, Object>> concat(List<Map<String, Object>> a, List<Map<String, Object>> b) {
        List<Map<String, Object>> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
