package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Forms, segments and predefined messages of Chatforma bots. Ids are unique across the account and, except for the
 * random form ids, count up in creation order as the real ids appear to.
 */
final class BotCatalogGenerator {
    private static final List<String> FORM_NAMES = List.of(
            "Lead form", "Заявка на доставку", "Feedback", "Запись на приём", "Анкета покупателя",
            "Quiz: подбор размера", "Return request", "Подписка на рассылку");
    private static final List<String> SEGMENT_NAMES = List.of(
            "VIP", "Новые подписчики", "Оптовики", "Abandoned cart", "Рассылка: акции", "Moscow",
            "Не открывали 30 дней");
    private static final List<String> MESSAGE_NAMES = List.of(
            "Welcome", "Приветствие", "Акция недели 🔥", "Order shipped", "Напоминание о корзине", "Опрос NPS",
            "Режим работы в праздники", "Promo code");
    private static final String FORM_ID_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final SeededRandom random;
    private final Set<String> formIds = new HashSet<>();
    private int lastSegmentId;
    private int lastMessageId;

    BotCatalogGenerator(SeededRandom random) {
        this.random = random;
        this.lastSegmentId = random.between(4_000, 6_000);
        this.lastMessageId = random.between(700, 900);
    }

    BotCatalog catalog() {
        List<Map<String, Object>> forms = new ArrayList<>();
        for (String name : names(FORM_NAMES, random.between(2, 4))) {
            forms.add(new JsonObjectBuilder(random).put("id", formId()).put("name", name).build());
        }
        List<Map<String, Object>> segments = new ArrayList<>();
        for (String name : names(SEGMENT_NAMES, random.between(3, 5))) {
            lastSegmentId += random.between(1, 40);
            segments.add(new JsonObjectBuilder(random)
                    .put("id", String.valueOf(lastSegmentId)).put("name", name).build());
        }
        List<Map<String, Object>> messages = new ArrayList<>();
        for (String name : names(MESSAGE_NAMES, random.between(3, 6))) {
            lastMessageId += random.between(1, 15);
            messages.add(new JsonObjectBuilder(random).put("id", lastMessageId).put("name", name).build());
        }
        return new BotCatalog(List.copyOf(forms), List.copyOf(segments), List.copyOf(messages));
    }

    private List<String> names(List<String> all, int count) {
        List<String> left = new ArrayList<>(all);
        List<String> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(left.remove(random.below(left.size())));
        }
        return picked;
    }

    /** Like "iqepgkqtlm" or "ooby5wm7hn". */
    private String formId() {
        String id;
        do {
            StringBuilder out = new StringBuilder(10);
            for (int i = 0; i < 10; i++) {
                out.append(FORM_ID_CHARACTERS.charAt(random.below(FORM_ID_CHARACTERS.length())));
            }
            id = out.toString();
        } while (!formIds.add(id));
        return id;
    }
}
