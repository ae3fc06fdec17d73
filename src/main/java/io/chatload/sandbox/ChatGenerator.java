package io.chatload.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.chatload.sandbox.ChatEvents.params;

/**
 * Chaport chats as a shop's support produces them: page views and triggers, a visitor's question, operators who
 * answer, invite colleagues or hand over, e-mail requests while nobody is online, and the chats nobody answered.
 * Only a visitor's latest chat can still be open, and only when it is recent.
 */
final class ChatGenerator {
    private static final List<String> OPEN_STAGES = List.of("initiated", "offline", "responded", "engaged");
    /** A latest chat whose last event is older than this is closed. */
    private static final long OPEN_WINDOW = 14 * Timestamps.DAY;
    /** Older chats need room before the latest one; a visitor with a short history has fewer of them. */
    private static final long ROOM_PER_CHAT = 2 * Timestamps.HOUR;

    private final SeededRandom random;
    private final List<String> operatorIds;
    private final List<String> teamIds;

    /**
     * @param teamIds ids that may appear in a chat's {@code operators} though no operator has them: teams, which
     *                the API has no endpoint for; empty for none
     */
    ChatGenerator(SeededRandom random, List<String> operatorIds, List<String> teamIds) {
        this.random = random;
        this.operatorIds = operatorIds;
        this.teamIds = teamIds;
    }

    /**
     * A visitor's chats, oldest first, between its creation and its last chat: the latest chat's last event is
     * exactly at {@code lastChatAt}, so the visitors' order stays what {@code GET /visitors} already serves.
     *
     * @param email the visitor's e-mail, which their e-mail requests carry; may be null
     */
    List<ChatDraft> history(long createdAt, long lastChatAt, Object email) {
        int count = count();
        if (count == 0) {
            return List.of();
        }
        boolean open = Timestamps.EPOCH_MILLIS - lastChatAt < OPEN_WINDOW && random.chance(0.6);
        Script latest = script(open ? random.pick(OPEN_STAGES) : "closed", email);
        long[] latestTimes = Timeline.endingAt(lastChatAt, createdAt, latest.gaps());
        long room = latestTimes[0] - createdAt;
        int older = (int) Math.min(count - 1, room / ROOM_PER_CHAT);
        List<ChatDraft> chats = new ArrayList<>(older + 1);
        // one slot per older chat, each starting in the first half of its slot, so chats never overlap
        long slot = older == 0 ? 0 : room / older;
        for (int i = 0; i < older; i++) {
            long start = createdAt + i * slot + random.belowLong(slot / 2);
            long nextSlot = createdAt + (i + 1) * slot;
            Script script = script("closed", email);
            long end = Math.min(start + script.duration(), nextSlot - 2);
            long closedAt = Math.min(end + closeDelay(), nextSlot - 1);
            chats.add(draft(script, Timeline.endingAt(end, start, script.gaps()), closedAt));
        }
        Long closedAt = open ? null : Math.min(lastChatAt + closeDelay(), Timestamps.EPOCH_MILLIS - 1);
        chats.add(draft(latest, latestTimes, closedAt));
        return chats;
    }

    /** A chat happening now: its events take their times from the clock. */
    ChatDraft live(MutationClock clock, Object email) {
        Script script = script(random.chance(0.4) ? "closed" : random.pick(OPEN_STAGES), email);
        long[] times = new long[script.steps().size()];
        times[0] = clock.advance(seconds(60, 600));
        for (int i = 1; i < times.length; i++) {
            times[i] = clock.advance(script.steps().get(i).gap());
        }
        Long closedAt = script.stage().equals("closed") ? clock.advance(closeDelay()) : null;
        return draft(script, times, closedAt);
    }

    /** One step of a chat; {@code gap} is the time since the step before. */
    private record Step(String type, Map<String, Object> params, long gap) {
    }

    /** What happens in a chat, before it is placed in time. */
    private record Script(String stage, List<Step> steps, List<String> operators, boolean missed, boolean rateable,
                          String startPage) {

        long[] gaps() {
            long[] gaps = new long[steps.size() - 1];
            for (int i = 1; i < steps.size(); i++) {
                gaps[i - 1] = steps.get(i).gap();
            }
            return gaps;
        }

        long duration() {
            long total = 0;
            for (long gap : gaps()) {
                total += gap;
            }
            return total;
        }
    }

    /** Most visitors chat once to three times; a few keep coming back; some chats were deleted. */
    private int count() {
        int roll = random.below(100);
        if (roll < 4) {
            return 0;
        }
        if (roll < 40) {
            return 1;
        }
        if (roll < 65) {
            return 2;
        }
        return roll < 80 ? 3 : random.between(4, 8);
    }

    private Script script(String wantedStage, Object email) {
        // without operators nobody can answer, so a chat that would have been answered waits offline
        boolean canAnswer = !operatorIds.isEmpty();
        String stage = !canAnswer && (wantedStage.equals("responded") || wantedStage.equals("engaged"))
                ? "offline" : wantedStage;
        boolean answered = canAnswer && switch (stage) {
            case "responded", "engaged" -> true;
            case "closed" -> random.chance(0.85);
            default -> false;
        };
        String[] page = random.pick(ChatTexts.PAGES).split("\\|");
        List<Step> steps = new ArrayList<>();
        if (random.chance(0.5)) {
            steps.add(new Step("page-opened", params("url", page[0], "title", page[1]), 0));
        }
        if (random.chance(0.25)) {
            steps.add(new Step("trigger-message", params("text", random.pick(ChatTexts.TRIGGER_MESSAGES),
                    "triggerName", random.pick(ChatTexts.TRIGGER_NAMES)), seconds(5, 90)));
        }
        steps.add(visitorMessage(random.pick(ChatTexts.VISITOR_OPENERS), seconds(5, 300)));
        List<String> operators = new ArrayList<>();
        if (answered) {
            converse(stage, steps, operators);
        } else {
            goUnanswered(stage, steps, operators, email);
        }
        return new Script(stage, steps, operators, !answered && !stage.equals("initiated"),
                answered && stage.equals("closed"), page[0]);
    }

    private void converse(String stage, List<Step> steps, List<String> operators) {
        String current = random.pick(operatorIds);
        operators.add(current);
        if (operatorIds.size() > 1 && random.chance(0.1)) {
            String invited = another(current);
            steps.add(new Step("operator-invitation", params("operatorId", invited, "invitedBy", current),
                    seconds(10, 120)));
            operators.add(invited);
        }
        int rounds = switch (stage) {
            case "responded" -> 1;
            case "engaged" -> random.between(2, 4);
            default -> random.between(1, 5);
        };
        for (int round = 0; round < rounds; round++) {
            if (round > 0 && operatorIds.size() > 1 && random.chance(0.08)) {
                String next = another(current);
                steps.add(new Step("operator-changed", params("operatorId", next, "previousOperatorId", current),
                        seconds(5, 60)));
                if (!operators.contains(next)) {
                    operators.add(next);
                }
                current = next;
            }
            steps.add(new Step("operator-message", params("text", random.pick(ChatTexts.OPERATOR_REPLIES),
                    "operatorId", current), seconds(10, 180)));
            // "responded" means the visitor has not answered yet; "engaged" means they have
            boolean visitorAnswers = !stage.equals("responded") && (round < rounds - 1 || random.chance(0.6));
            if (visitorAnswers) {
                steps.add(visitorMessage(random.pick(ChatTexts.VISITOR_REPLIES), seconds(20, 600)));
            }
        }
        if (random.chance(0.1) && !teamIds.isEmpty()) {
            operators.add(random.pick(teamIds));
        }
    }

    private void goUnanswered(String stage, List<Step> steps, List<String> operators, Object email) {
        if (random.chance(0.4)) {
            steps.add(visitorMessage(random.pick(ChatTexts.FOLLOW_UPS), seconds(30, 900)));
        }
        if (stage.equals("offline") || random.chance(0.3)) {
            steps.add(new Step("email-request", params("text", random.pick(ChatTexts.EMAIL_PROMPTS), "email", email),
                    seconds(5, 60)));
        }
        if (stage.equals("initiated") && !operatorIds.isEmpty() && random.chance(0.3)) {
            operators.add(random.pick(operatorIds));
        } else if (random.chance(0.3) && !teamIds.isEmpty()) {
            operators.add(random.pick(teamIds));
        }
    }

    private ChatDraft draft(Script script, long[] times, Long closedAt) {
        List<Map<String, Object>> events = new ArrayList<>(times.length);
        for (int i = 0; i < times.length; i++) {
            Step step = script.steps().get(i);
            events.add(ChatEvents.event(i + 1, step.type(), step.params(), times[i]));
        }
        Map<String, Object> fields = new JsonObjectBuilder(random)
                .put("stage", script.stage())
                .put("operators", List.copyOf(script.operators()))
                .put("missed", script.missed())
                .maybe("rating", script.rateable() ? 0.35 : 0, this::rating)
                .put("startPage", random.chance(0.92) ? script.startPage() : null)
                .put("startedAt", Timestamps.iso(times[0]))
                .put("closedAt", closedAt == null ? null : Timestamps.iso(closedAt))
                .put("events", List.copyOf(events))
                .build();
        return new ChatDraft(times[0], fields);
    }

    private Step visitorMessage(String text, long gap) {
        return new Step("visitor-message", params("text", text), gap);
    }

    private String another(String operatorId) {
        String other;
        do {
            other = random.pick(operatorIds);
        } while (other.equals(operatorId));
        return other;
    }

    /** Happy customers rate more often, so ratings lean to 5. */
    private int rating() {
        int roll = random.below(100);
        if (roll < 50) {
            return 5;
        }
        if (roll < 75) {
            return 4;
        }
        return roll < 85 ? 3 : roll < 90 ? 2 : 1;
    }

    private long closeDelay() {
        return seconds(60, 1_800);
    }

    /** A span in whole seconds plus some milliseconds, so times do not all end in .000. */
    private long seconds(int min, int max) {
        return random.between(min, max) * 1_000L + random.below(1_000);
    }
}
