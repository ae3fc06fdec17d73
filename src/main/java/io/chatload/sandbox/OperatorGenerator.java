package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chaport operators with exactly the keys of the documented Operator object. The account owner comes first and is
 * an admin; some operators were invited but never logged in, which leaves their times null.
 */
final class OperatorGenerator {
    private static final String COMPANY_DOMAIN = "lumenshop.io";

    private static final List<String> JOB_TITLES = List.of(
            "Support Specialist", "Support Lead", "Customer Success Manager", "Technical Support Engineer",
            "Head of Support", "Sales Manager", "Account Executive", "Специалист поддержки", "Kundenbetreuerin",
            "Chargée de clientèle");
    private static final List<String> STATUSES = List.of("online", "away", "offline");

    private final SeededRandom random;
    private final NameGenerator names;
    private final ObjectIds ids;

    OperatorGenerator(SeededRandom random) {
        this.random = random;
        this.names = new NameGenerator(random);
        this.ids = new ObjectIds(random);
    }

    List<Map<String, Object>> generate(int count) {
        List<Long> joined = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            joined.add(Timestamps.EPOCH_MILLIS - Timestamps.DAY - random.belowLong(4 * 365 * Timestamps.DAY));
        }
        joined.sort(null);
        Set<String> emails = new HashSet<>();
        List<Map<String, Object>> operators = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            operators.add(operator(joined.get(i), i == 0, emails));
        }
        return List.copyOf(operators);
    }

    private Map<String, Object> operator(long joinedAt, boolean owner, Set<String> emails) {
        String id = ids.next(joinedAt);
        Region region = Region.pick(random);
        Person person = names.person(region);
        boolean everLoggedIn = owner || random.chance(0.9);
        long lastLogin = Timestamps.EPOCH_MILLIS - random.belowLong(30 * Timestamps.DAY);
        long lastActivity = Math.min(Timestamps.EPOCH_MILLIS, lastLogin + random.belowLong(12 * Timestamps.HOUR));
        String lastStatus = everLoggedIn ? random.pick(STATUSES) : "offline";
        // realStatus is what the operator's connection says; someone set "online" may have closed the app
        String realStatus = lastStatus.equals("offline") || random.chance(0.8) ? lastStatus : "offline";
        return new JsonObjectBuilder(random)
                .put("id", id)
                .put("email", uniqueEmail(person, emails))
                .put("name", person.fullName())
                .put("language", random.chance(0.7) ? region.uiLanguage() : "en")
                .maybe("jobTitle", 0.75, () -> random.pick(JOB_TITLES))
                .put("role", owner || random.chance(0.15) ? "admin" : "operator")
                .put("lastLoginAt", everLoggedIn ? Timestamps.iso(lastLogin) : null)
                .put("lastActivityAt", everLoggedIn ? Timestamps.iso(lastActivity) : null)
                .maybe("image", 0.6, () -> "https://app.chaport.com/avatars/" + id + "/" + random.hex(8) + ".png")
                .put("lastStatus", lastStatus)
                .put("realStatus", realStatus)
                .build();
    }

    /** Work addresses share one domain, so namesakes get a number as a mail admin would give them. */
    private String uniqueEmail(Person person, Set<String> taken) {
        String base = person.given().latin() + "." + person.family().latin();
        String email = base + "@" + COMPANY_DOMAIN;
        for (int n = 2; !taken.add(email); n++) {
            email = base + n + "@" + COMPANY_DOMAIN;
        }
        return email;
    }
}
