package io.chatload.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The people who talk to Chatforma bots and what they write. Users get integer ids around 5×10^7, unique across the
 * account, and a {@code chatId} in the form of the bot's messenger; about one in ten has unsubscribed (deleted).
 * Empty contact fields come as {@code ""} or null, as the webhook payloads show both.
 */
final class BotAudienceGenerator {
    private static final String VIBER_ID_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    private final SeededRandom random;
    private final NameGenerator names;
    private final Set<Integer> userIds = new HashSet<>();

    BotAudienceGenerator(SeededRandom random) {
        this.random = random;
        this.names = new NameGenerator(random);
    }

    /** A bot's users in id order, which is the order they subscribed in. */
    List<Map<String, Object>> users(String botType, int count) {
        List<Long> created = new ArrayList<>(count);
        List<Integer> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            created.add(Timestamps.EPOCH_MILLIS - Timestamps.DAY - random.belowLong(730 * Timestamps.DAY));
            int id;
            do {
                id = random.between(50_000_000, 59_999_999);
            } while (!userIds.add(id));
            ids.add(id);
        }
        created.sort(null);
        ids.sort(null);
        List<Map<String, Object>> users = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            users.add(user(ids.get(i), created.get(i), botType));
        }
        return List.copyOf(users);
    }

    /** Some of the given users, keeping their order. */
    List<Map<String, Object>> pick(List<Map<String, Object>> users, int count) {
        List<Integer> left = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            left.add(i);
        }
        List<Integer> picked = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            picked.add(left.remove(random.below(left.size())));
        }
        picked.sort(null);
        return picked.stream().map(users::get).toList();
    }

    /** An open dialog's messages, oldest first, somewhere between the user's subscription and now. */
    List<MessageDraft> dialog(int botId, Map<String, Object> user) {
        long subscribed = Instant.parse((String) user.get("createdAt")).toEpochMilli();
        int count = random.between(3, 40);
        boolean[] fromClient = new boolean[count];
        long[] gaps = new long[count - 1];
        fromClient[0] = true;
        for (int i = 1; i < count; i++) {
            fromClient[i] = nextIsClient(fromClient[i - 1]);
            gaps[i - 1] = gapBefore(fromClient[i]);
        }
        long last = subscribed + random.belowLong(Timestamps.EPOCH_MILLIS - subscribed);
        long[] times = Timeline.endingAt(last, subscribed, gaps);
        List<MessageDraft> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(draft(botId, user, fromClient[i], i == 0, times[i]));
        }
        return messages;
    }

    /** A few new messages in a dialog, written now by the clock; the user starts. */
    List<MessageDraft> continuation(int botId, Map<String, Object> user, MutationClock clock) {
        int count = random.between(1, 4);
        List<MessageDraft> messages = new ArrayList<>(count);
        boolean client = true;
        for (int i = 0; i < count; i++) {
            long at = clock.advance(i == 0 ? seconds(60, 3_600) : gapBefore(client));
            messages.add(draft(botId, user, client, false, at));
            client = nextIsClient(client);
        }
        return messages;
    }

    private Map<String, Object> user(int id, long createdAt, String botType) {
        Region region = Region.pick(random);
        Person person = names.person(region);
        boolean deleted = random.chance(0.1);
        long updatedAt = random.chance(0.5)
                ? createdAt : createdAt + random.belowLong(Timestamps.EPOCH_MILLIS - createdAt);
        // unsubscribing is the last change to a user
        Long deletedAt = deleted ? updatedAt + random.belowLong(Timestamps.EPOCH_MILLIS - updatedAt) : null;
        return new JsonObjectBuilder(random)
                .put("id", id)
                .put("chatId", chatId(botType))
                .put("firstName", person.given().text())
                .put("lastName", random.chance(0.7) ? person.family().text() : "")
                .put("username", username(botType, person))
                .put("phone", random.chance(0.25) ? region.phone(random) : blank())
                .put("email", random.chance(0.15) ? names.email(person, random.pick(region.emailDomains())) : blank())
                .put("createdAt", Timestamps.iso(createdAt))
                .put("updatedAt", Timestamps.iso(deletedAt == null ? updatedAt : deletedAt))
                .put("deletedAt", deletedAt == null ? null : Timestamps.iso(deletedAt))
                .build();
    }

    /** The user's id in the messenger: numeric on Telegram, VK and Facebook, a base64 token on Viber. */
    private String chatId(String botType) {
        return switch (botType) {
            case "viber" -> {
                StringBuilder out = new StringBuilder(24);
                for (int i = 0; i < 22; i++) {
                    out.append(VIBER_ID_CHARACTERS.charAt(random.below(VIBER_ID_CHARACTERS.length())));
                }
                yield out.append("==").toString();
            }
            case "facebook" -> random.between(1, 9) + random.digits(15);
            case "vk" -> String.valueOf(random.between(1_000_000, 899_999_999));
            default -> String.valueOf(100_000_000L + random.belowLong(7_000_000_000L));
        };
    }

    /** Only Telegram has usernames, and many Telegram users never set one. */
    private String username(String botType, Person person) {
        if (!botType.equals("telegram")) {
            return null;
        }
        if (!random.chance(0.6)) {
            return "";
        }
        String given = person.given().latin();
        return random.chance(0.5) ? given + "_" + person.family().latin() : given + random.digits(random.between(2, 4));
    }

    private Object blank() {
        return random.chance(0.5) ? "" : null;
    }

    /** Bots answer their user at once, and users often send several messages in a row; bots rarely do. */
    private boolean nextIsClient(boolean previousFromClient) {
        return previousFromClient ? random.chance(0.2) : random.chance(0.7);
    }

    /** A bot answers in seconds; a user takes from seconds to, now and then, days. */
    private long gapBefore(boolean fromClient) {
        if (!fromClient) {
            return seconds(1, 5);
        }
        return random.chance(0.05) ? seconds(86_400, 7 * 86_400) : seconds(10, 7_200);
    }

    private MessageDraft draft(int botId, Map<String, Object> user, boolean fromClient, boolean first, long at) {
        String text = !fromClient ? random.pick(ChatTexts.BOT_REPLIES)
                : first && random.chance(0.3) ? "/start" : random.pick(ChatTexts.BOT_CLIENT_MESSAGES);
        return new MessageDraft(botId, (Integer) user.get("id"), (String) user.get("chatId"), text, fromClient, at);
    }

    private long seconds(int min, int max) {
        return random.between(min, max) * 1_000L + random.below(1_000);
    }
}
