package io.chatload.sandbox;

import java.util.List;
import java.util.Locale;

/**
 * Names and e-mail addresses as they turn up in a real chat account: full names in many scripts, first names only,
 * lazily typed lowercase, the odd emoji, and the "City #number" names a chat widget gives anonymous visitors.
 */
final class NameGenerator {
    /** Includes characters outside the Basic Multilingual Plane, a flag pair and a ZWJ sequence on purpose. */
    private static final List<String> EMOJI = List.of("🌸", "🚀", "😊", "🐱", "☕", "🎧", "✨", "🇩🇪", "👩‍💻");

    private final SeededRandom random;

    NameGenerator(SeededRandom random) {
        this.random = random;
    }

    Person person(Region region) {
        boolean female = random.chance(0.5);
        return new Person(region, random.pick(region.givenNames(female)), region.familyName(random, female));
    }

    /** The name a visitor typed into the chat widget's form. */
    String visitorName(Person person) {
        int roll = random.below(100);
        if (roll < 60) {
            return person.fullName();
        }
        if (roll < 78) {
            return person.given().text();
        }
        if (roll < 88) {
            return person.fullName().toLowerCase(Locale.ROOT);
        }
        return person.given().text() + " " + random.pick(EMOJI);
    }

    /** What the widget calls a visitor who never gave a name: their city and their number in the account. */
    String autoName(String city, int visitorNumber) {
        return city + " #" + visitorNumber;
    }

    /** A personal address in one of the styles people pick, at the given provider. */
    String email(Person person, String domain) {
        if (domain.equals("qq.com")) {
            return random.between(10_000_000, 999_999_999) + "@" + domain;
        }
        String given = person.given().latin();
        String family = person.family().latin();
        String local = switch (random.below(5)) {
            case 0 -> given + "." + family;
            case 1 -> given + family;
            case 2 -> given + "_" + family + random.digits(2);
            case 3 -> given.charAt(0) + "." + family;
            default -> given + "." + family + random.between(1975, 2005);
        };
        return local + "@" + domain;
    }
}
