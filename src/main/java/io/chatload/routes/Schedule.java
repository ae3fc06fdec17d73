package io.chatload.routes;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/** When a resource runs: a Quartz cron expression ({@code 0 0/15 * * * ?}) or an interval ({@code 30s}, {@code 15m}, {@code 1h}). */
public record Schedule(String text, String cron, long intervalMs) {

    private static final Pattern INTERVAL = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");

    public static Schedule parse(String text) {
        String t = text == null ? "" : text.trim();
        Matcher m = INTERVAL.matcher(t.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2)) {
                case "ms" -> 1L;
                case "s" -> 1_000L;
                case "m" -> 60_000L;
                case "h" -> 3_600_000L;
                default -> 86_400_000L;
            };
            if (n <= 0) {
                throw new IllegalArgumentException("schedule '" + text + "' must be a positive interval");
            }
            return new Schedule(t, null, n * unit);
        }
        if (!CronExpression.isValidExpression(t)) {
            throw new IllegalArgumentException("schedule '" + text + "' is neither a Quartz cron expression "
                    + "(seconds minutes hours day-of-month month day-of-week, e.g. '0 0/15 * * * ?') nor an interval such as 15m");
        }
        return new Schedule(t, t, 0);
    }

    /** The Quartz endpoint that fires this resource; stateful, so a run never overlaps the previous one. */
    public String quartzUri(String triggerName) {
        String timing = cron != null
                ? "cron=" + cron.replace(' ', '+')
                : "trigger.repeatInterval=" + intervalMs + "&trigger.repeatCount=-1";
        return "quartz://chatload/" + triggerName + "?" + timing + "&stateful=true";
    }
}
