package io.chatload.routes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The load info printed after every run, in the spirit of dlt's: per resource, then one closing line. */
public record LoadSummary(String loadId, List<ResourceOutcome> outcomes, List<String> warnings, List<String> ledgerErrors) {

    public boolean failed() {
        return !ledgerErrors.isEmpty() || outcomes.stream().anyMatch(ResourceOutcome::failed);
    }

    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        int width = outcomes.stream().mapToInt(o -> o.resource().length()).max().orElse(8);
        Set<String> tables = new TreeSet<>();
        long rows = 0;
        for (ResourceOutcome o : outcomes) {
            StringBuilder perTable = new StringBuilder();
            o.rowsPerTable().forEach((t, n) -> perTable.append(perTable.isEmpty() ? "" : ", ").append(t).append(": ").append(n));
            o.rowsPerTable().keySet().forEach(t -> tables.add(o.schema() + "." + t));
            rows += o.rows();
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s  %4d requests  %6.1f s  %s%s", o.resource(), o.requests(),
                    o.duration().toMillis() / 1000.0, perTable.isEmpty() ? "no rows" : perTable,
                    o.failed() ? "  FAILED" : ""));
        }
        List<ResourceOutcome> failed = outcomes.stream().filter(ResourceOutcome::failed).toList();
        lines.add(String.format(Locale.ROOT, "Load %s %s: %d tables, %d rows, %d failed resources", loadId,
                failed() ? "FAILED" : "COMPLETED", tables.size(), rows, failed.size()));
        failed.forEach(o -> lines.add("  " + o.error()));
        warnings.forEach(w -> lines.add("  warning: " + w));
        ledgerErrors.forEach(e -> lines.add("  " + e));
        return lines;
    }
}
