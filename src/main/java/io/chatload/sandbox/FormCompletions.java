package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Chatforma form completions that tests make happen: a live user of a bot fills in one of the bot's forms, now (by
 * the mutation clock). Each is what Chatforma POSTs to a notification's target (shared/api/chatforma.md, section 5):
 * the user's names and contacts, {@code date}, {@code botId}, {@code formId} and {@code data}, the questions with
 * their answers. Chosen and written from the seed, so the same calls give the same completions.
 */
final class FormCompletions {

    private static final List<List<String>> QUESTIONS = List.of(
            List.of("Email", "What do you want to buy?"),
            List.of("Name", "Phone", "When should we call you?"),
            List.of("How did you hear about us?"),
            List.of("Email", "Order number", "What went wrong?", "May we contact you?"));
    private static final List<String> ANSWERS = List.of("I want to buy a car", "Tomorrow after 10", "From a friend",
            "yes", "no", "The parcel came late", "A-1042", "Please call me back", "");

    private final List<Map<String, Object>> bots;
    private final ChatformaAccount account;
    private final MutationClock clock;
    private final List<Map<String, Object>> completions = new ArrayList<>();

    FormCompletions(List<Map<String, Object>> bots, ChatformaAccount account, MutationClock clock) {
        this.bots = bots;
        this.account = account;
        this.clock = clock;
    }

    /** {@code count} new completions, each by a live user of a bot that has forms; empty when no bot has both. */
    synchronized List<Map<String, Object>> add(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, got " + count);
        }
        SeededRandom random = new SeededRandom(seed, "chatforma.forms.completed");
        List<Integer> candidates = bots.stream().map(bot -> (Integer) bot.get("id"))
                .filter(id -> !account.catalog(id).forms().isEmpty()
                        && account.users(id).stream().anyMatch(u -> u.get("deletedAt") == null))
                .toList();
        List<Map<String, Object>> added = new ArrayList<>();
        for (int i = 0; i < count && !candidates.isEmpty(); i++) {
            int botId = candidates.get(random.below(candidates.size()));
            List<Map<String, Object>> forms = account.catalog(botId).forms();
            Map<String, Object> form = forms.get(random.below(forms.size()));
            List<Map<String, Object>> live = account.users(botId).stream().filter(u -> u.get("deletedAt") == null).toList();
            Map<String, Object> user = live.get(random.below(live.size()));
            added.add(completion(botId, form, user, random));
        }
        completions.addAll(added);
        return List.copyOf(added);
    }

    synchronized List<Map<String, Object>> all() {
        return List.copyOf(completions);
    }

    private Map<String, Object> completion(int botId, Map<String, Object> form, Map<String, Object> user, SeededRandom random) {
        String first = String.valueOf(user.getOrDefault("firstName", ""));
        String last = String.valueOf(user.getOrDefault("lastName", ""));
        String email = (first + "." + last).toLowerCase(Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.com";
        List<Map<String, Object>> data = new ArrayList<>();
        for (String question : QUESTIONS.get(random.below(QUESTIONS.size()))) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("question", question);
            answer.put("answer", question.equals("Email") ? email : ANSWERS.get(random.below(ANSWERS.size())));
            data.add(Collections.unmodifiableMap(answer));
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("botUserId", user.get("id"));
        c.put("firstName", first);
        c.put("lastName", last);
        c.put("name", (first + " " + last).trim());
        c.put("username", "");
        c.put("phone", "");
        c.put("email", email);
        c.put("date", Timestamps.iso(clock.advance(1_000 + random.belowLong(60_000))));
        c.put("botId", botId);
        c.put("formId", form.get("id"));
        c.put("data", List.copyOf(data));
        return Collections.unmodifiableMap(c);
    }
}
