package io.chatload.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The load info printed after every run, in the spirit of dlt's: per resource, then one closing line. */
public record LoadSummary(String loadId, List<ResourceOutcome> outcomes, List<String> warnings, List<String> ledgerErrors) {

    public boolean failed() {
        return !ledgerErrors.isEmpty() || outcomes.stream().anyMatch(ResourceOutcome::failed);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        int width = outcomes.stream().mapToInt(o -> o.resource().length()).max().orElse(8);
        Map<String, Long> rows = new TreeMap<>();
        List<ResourceOutcome> sorted = outcomes.stream().sorted(java.util.Comparator.comparing(ResourceOutcome::resource)).toList();
        for (ResourceOutcome o : sorted) {
            o.rowsPerTable().forEach((t, n) -> rows.merge(o.schema() + "." + t, n, Long::sum));
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %6d requests  %7d records  %6.1f s%s", o.resource(),
                    o.requests(), o.records(), o.duration().toMillis() / 1000.0,
                    o.failed() ? "  FAILED" + (o.failures() > 1 ? " (" + o.failures() + " runs)" : "") : ""));
        }
        List<ResourceOutcome> failed = sorted.stream().filter(ResourceOutcome::failed).toList();
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        lines.add(String.format(Locale.ROOT, "Load %s %s: %d tables, %d rows, %d failed resources", loadId,
                failed() ? "FAILED" : "COMPLETED", rows.size(), total, failed.size()));
        if (!rows.isEmpty()) {
            StringBuilder perTable = new StringBuilder("  rows:");
            rows.forEach((t, n) -> perTable.append(' ').append(t).append(' ').append(n).append(','));
            lines.add(perTable.substring(0, perTable.length() - 1));
        }
        failed.forEach(o -> lines.add("  " + Load.errorText(o)));
        warnings.forEach(w -> lines.add("  warning: " + w));
        ledgerErrors.forEach(e -> lines.add("  " + e));
        return lines;
    }
}
