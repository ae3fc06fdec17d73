package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chaport visitors of an online shop: about a third anonymous ("London #1399"), the rest with whatever contact data
 * they left, free-form custom fields, UTM tags and the technical data the widget records. Optional fields are
 * sometimes null and sometimes missing, as in real exports.
 */
final class VisitorGenerator {
    private static final List<String> SOURCE_HOSTS = List.of(
            "lumenshop.io", "www.lumenshop.io", "shop.lumenshop.io", "help.lumenshop.io", "lumenshop.de",
            "lumenshop.ru");
    private static final List<String> NOTES = List.of(
            "VIP customer",
            "Asked about bulk pricing for 200+ units",
            "Prefers e-mail over phone",
            "Refund issued for order #48213",
            "Перезвонить после 18:00 по Москве",
            "Kunde wünscht Rechnung per Post",
            "Interested in the annual plan.\nFollow up in March.",
            "Reported a checkout bug on Safari — fixed in 2.14",
            "Client fidèle depuis 2019",
            "请用中文回复",
            "Said \"thanks!\" and left a 5★ review");
    private static final List<String> PLANS = List.of("free", "starter", "pro", "business");
    private static final List<String> TAGS = List.of("wholesale", "newsletter", "returning", "b2b", "churn-risk",
            "beta");
    private static final List<String> COMPANIES = List.of(
            "Blue Harbor Logistics=blueharbor.com", "ООО «Ромашка»=romashka.ru", "Müller Bau GmbH=mueller-bau.de",
            "Café Lumière=cafe-lumiere.fr", "株式会社サクラ電機=sakura-denki.co.jp",
            "Verde Alimentos Ltda.=verdealimentos.com.br", "Nordlicht Media=nordlicht.media", "Polar Byte=polarbyte.io",
            "Kettle & Crane=kettleandcrane.co.uk", "Zielony Ogród Sp. z o.o.=zielonyogrod.pl");
    private static final List<Integer> COMPANY_SIZES = List.of(4, 12, 35, 120, 480, 2_500);
    private static final List<String> UTM_SOURCES = List.of(
            "google=cpc", "yandex=cpc", "bing=cpc", "facebook=paid_social", "instagram=social",
            "tiktok=paid_social", "newsletter=email", "partner_blog=referral");
    private static final List<String> UTM_CAMPAIGNS = List.of(
            "spring_sale_2025", "black_friday_2025", "brand", "retargeting_q3", "new_collection",
            "весенняя_распродажа", "winterschlussverkauf");
    private static final List<String> UTM_TERMS = List.of(
            "running shoes", "купить кроссовки", "laufschuhe herren", "chaussures de course",
            "waterproof jacket");
    private static final List<String> UTM_CONTENTS = List.of("banner_a", "banner_b", "cta_bottom", "video_15s",
            "carousel_3");
    /** Browser and OS come in pairs that exist together. */
    private static final List<String> CLIENTS = List.of(
            "Chrome 131.0|Windows 10", "Chrome 130.0|Windows 11", "Chrome 131.0|macOS 14.6",
            "Chrome 131.0|Android 14", "Safari 17.6|macOS 14.6", "Mobile Safari 18.1|iOS 18.1",
            "Mobile Safari 17.5|iOS 17.5", "Firefox 133.0|Windows 11", "Firefox 132.0|Ubuntu",
            "Edge 131.0|Windows 11", "Yandex Browser 24.10|Windows 10", "Samsung Internet 26.0|Android 13",
            "Opera 114.0|Windows 10");
    private static final List<Integer> IPV4_FIRST_OCTETS = List.of(
            5, 31, 37, 46, 62, 77, 78, 81, 85, 88, 91, 93, 95, 109, 176, 178, 185, 188, 212, 213, 217);

    private final SeededRandom random;
    private final NameGenerator names;
    private final ObjectIds ids;

    VisitorGenerator(SeededRandom random) {
        this.random = random;
        this.names = new NameGenerator(random);
        this.ids = new ObjectIds(random);
    }

    /** Visitors ordered as {@code GET /visitors} serves them: most recent chat first. */
    List<GeneratedVisitor> generate(int count) {
        List<Long> created = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(Timestamps.EPOCH_MILLIS - Timestamps.HOUR - random.belowLong(540 * Timestamps.DAY));
        }
        created.sort(null);
        int firstNumber = random.between(100, 5_000);
        Set<Long> chatTimes = new HashSet<>();
        List<Timed> visitors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long createdAt = created.get(i);
            long lastChatAt = lastChatAt(createdAt, chatTimes);
            visitors.add(new Timed(lastChatAt, visitor(createdAt, lastChatAt, firstNumber + i)));
        }
        visitors.sort(Comparator.comparingLong(Timed::lastChatAt).reversed());
        return visitors.stream().map(Timed::visitor).toList();
    }

    private record Timed(long lastChatAt, GeneratedVisitor visitor) {
    }

    /** Distinct across visitors, so the newest-first order is total and paging is unambiguous. */
    private long lastChatAt(long createdAt, Set<Long> taken) {
        long chatAt;
        do {
            chatAt = createdAt + random.belowLong(Timestamps.EPOCH_MILLIS - createdAt);
        } while (!taken.add(chatAt));
        return chatAt;
    }

    private GeneratedVisitor visitor(long createdAt, long lastChatAt, int visitorNumber) {
        Region region = Region.pick(random);
        Person person = names.person(region);
        boolean anonymous = random.chance(0.3);
        String city = random.pick(region.cities());
        Map<String, Object> custom = custom();
        long lastSeen = lastChatAt
                + random.belowLong(Math.min(3 * Timestamps.DAY, Timestamps.EPOCH_MILLIS - lastChatAt));

        Map<String, Object> listForm = new JsonObjectBuilder(random)
                .put("id", ids.next(createdAt))
                .put("name", anonymous ? names.autoName(city, visitorNumber) : names.visitorName(person))
                .maybe("email", anonymous ? 0.05 : 0.85, () -> email(person, custom))
                .maybe("phone", anonymous ? 0.02 : 0.45, () -> region.phone(random))
                .maybe("notes", anonymous ? 0.05 : 0.2, () -> random.pick(NOTES))
                .maybe("custom", anonymous ? 0.2 : 0.6, () -> custom)
                .maybe("utm", 0.45, this::utm)
                .maybe("sourceHost", 0.9, () -> random.pick(SOURCE_HOSTS))
                .maybe("emailMarketingConsent", 0.9, () -> !anonymous && random.chance(0.35))
                .put("lastSeen", Timestamps.iso(lastSeen))
                .put("lastChatAt", Timestamps.iso(lastChatAt))
                .put("createdAt", Timestamps.iso(createdAt))
                .build();

        Map<String, Object> detail = new LinkedHashMap<>(listForm);
        String[] client = random.pick(CLIENTS).split("\\|");
        detail.put("browser", client[0]);
        detail.put("os", client[1]);
        detail.put("language", random.chance(0.75) ? region.language() : "en-US");
        detail.put("ip", ip());
        detail.put("location", new JsonObjectBuilder(random)
                // geo lookups sometimes resolve only the country; anonymous names need the city
                .put("city", anonymous || random.chance(0.95) ? city : null)
                .put("country", region.country())
                .put("countryCode", region.countryCode())
                .build());
        return new GeneratedVisitor(listForm, Collections.unmodifiableMap(detail));
    }

    private Map<String, Object> custom() {
        String[] company = random.pick(COMPANIES).split("=");
        return new JsonObjectBuilder(random)
                .put("plan", random.pick(PLANS))
                .sometimes("accountId", 0.8, () -> "A-" + random.between(1_000, 99_999))
                .sometimes("orders", 0.5, () -> random.between(0, 120))
                .sometimes("ltv", 0.4, () -> random.between(0, 500_000) / 100.0)
                .maybe("company", 0.3, () -> new JsonObjectBuilder(random)
                        .put("name", company[0])
                        .put("domain", company[1])
                        .put("size", random.pick(COMPANY_SIZES))
                        .build())
                .sometimes("tags", 0.25, this::tags)
                .build();
    }

    private List<String> tags() {
        List<String> tags = new ArrayList<>();
        int count = random.between(1, 3);
        while (tags.size() < count) {
            String tag = random.pick(TAGS);
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return List.copyOf(tags);
    }

    /** People with a company in their custom fields often chat from their work address. */
    @SuppressWarnings("unchecked")
    private String email(Person person, Map<String, Object> custom) {
        Object company = custom.get("company");
        if (company != null && random.chance(0.6)) {
            return person.given().latin() + "@" + ((Map<String, Object>) company).get("domain");
        }
        return names.email(person, random.pick(person.region().emailDomains()));
    }

    private Map<String, Object> utm() {
        String[] sourceAndMedium = random.pick(UTM_SOURCES).split("=");
        return new JsonObjectBuilder(random)
                .put("source", sourceAndMedium[0])
                .put("medium", sourceAndMedium[1])
                .sometimes("campaign", 0.85, () -> random.pick(UTM_CAMPAIGNS))
                .sometimes("term", 0.35, () -> random.pick(UTM_TERMS))
                .sometimes("content", 0.3, () -> random.pick(UTM_CONTENTS))
                .build();
    }

    private String ip() {
        if (random.chance(0.07)) {
            return "2a02:" + hexGroup() + ":" + hexGroup() + ":" + hexGroup() + "::" + hexGroup();
        }
        return random.pick(IPV4_FIRST_OCTETS) + "." + random.between(0, 255) + "." + random.between(0, 255)
                + "." + random.between(1, 254);
    }

    /** One IPv6 group in canonical form, without leading zeros. */
    private String hexGroup() {
        return Integer.toHexString(random.below(0x10000));
    }
}
