package io.chatload.cli;

import io.chatload.text.PrintableText;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints rows as an aligned table or as CSV with a header row (RFC 4180 quoting). The table is for a terminal, so its
 * cells are escaped ({@link PrintableText}: a value from an API cannot steer the terminal or break the line); CSV is
 * data, written as stored.
 */
final class TextTable {

    private static final int MAX_CELL = 60;

    private TextTable() {
    }

    static void printAligned(PrintStream out, List<String> header, List<List<Object>> rows) {
        List<String> names = header.stream().map(PrintableText::escape).toList();
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            cells.add(row.stream().map(TextTable::cell).toList());
        }
        int[] width = new int[names.size()];
        for (int i = 0; i < names.size(); i++) {
            width[i] = names.get(i).length();
            for (List<String> row : cells) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        out.println(line(names, width));
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < width.length; i++) {
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(width[i]));
        }
        out.println(rule);
        for (List<String> row : cells) {
            out.println(line(row, width));
        }
    }

    private static String line(List<String> values, int[] width) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            s.append(i == 0 ? "" : " | ").append(String.format("%-" + width[i] + "s", values.get(i)));
        }
        return s.toString().stripTrailing();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        String s = PrintableText.escape(value.toString());
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 3) + "..." : s;
    }

    static void printCsv(PrintStream out, List<String> header, List<List<Object>> rows) {
        out.println(csvLine(new ArrayList<>(header)));
        for (List<Object> row : rows) {
            out.println(csvLine(row));
        }
    }

    private static String csvLine(List<?> values) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            String text = v == null ? "" : v.toString();
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                text = "\"" + text.replace("\"", "\"\"") + "\"";
            }
            s.append(i == 0 ? "" : ",").append(text);
        }
        return s.toString();
    }
}
