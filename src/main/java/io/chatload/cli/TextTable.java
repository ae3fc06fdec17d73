package io.chatload.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Prints rows as an aligned table or as CSV with a header row (RFC 4180 quoting). */
final class TextTable {

    private static final int MAX_CELL = 60;

    private TextTable() {
    }

    static void printAligned(PrintStream out, List<String> header, List<List<Object>> rows) {
        List<List<String>> cells = new ArrayList<>();
        for (List<Object> row : rows) {
            cells.add(row.stream().map(TextTable::cell).toList());
        }
        int[] width = new int[header.size()];
        for (int i = 0; i < header.size(); i++) {
            width[i] = header.get(i).length();
            for (List<String> row : cells) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        out.println(line(header, width));
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
        String s = value.toString().replace('\n', ' ').replace('\r', ' ');
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
