package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Chatforma bots of the same shop: one per channel and purpose, with six-digit integer ids like 124442. */
final class BotGenerator {
    private static final List<String> TITLES = List.of(
            "Lumen Shop Support", "Order status", "Доставка и возврат", "Promo bot 🎁", "Lumen Shop DE",
            "Feedback & reviews", "Вакансии Lumen", "Appointments", "Lumen Shop — опт", "Newsletter");
    /** Telegram dominates the audiences Chatforma serves. */
    private static final List<String> TYPES = List.of(
            "telegram", "telegram", "telegram", "telegram", "vk", "vk", "viber", "facebook");

    private final SeededRandom random;

    BotGenerator(SeededRandom random) {
        this.random = random;
    }

    /** Bots in id order, the order they were created in. */
    List<Map<String, Object>> generate(int count) {
        List<String> titles = new ArrayList<>(TITLES);
        Set<Integer> ids = new HashSet<>();
        while (ids.size() < count) {
            ids.add(random.between(100_000, 199_999));
        }
        List<Integer> ordered = ids.stream().sorted(Comparator.naturalOrder()).toList();
        List<Map<String, Object>> bots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String title = titles.isEmpty()
                    ? random.pick(TITLES) + " " + (i + 1)
                    : titles.remove(random.below(titles.size()));
            bots.add(new JsonObjectBuilder(random)
                    .put("id", ordered.get(i))
                    .put("title", title)
                    .put("type", random.pick(TYPES))
                    .build());
        }
        return List.copyOf(bots);
    }
}
