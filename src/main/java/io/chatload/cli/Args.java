package io.chatload.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A command's flags ({@code --name value}, {@code --name=value}, {@code --switch}) and positional arguments. */
final class Args {

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new HashSet<>();
    private final List<String> positionals = new ArrayList<>();

    static Args parse(String command, List<String> argv, Set<String> valueFlags, Set<String> switchFlags) {
        Args args = new Args();
        for (int i = 0; i < argv.size(); i++) {
            String a = argv.get(i);
            if (!a.startsWith("--") || a.equals("--")) {
                args.positionals.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (switchFlags.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(command + ": " + name + " takes no value");
                }
                args.switches.add(name);
            } else if (valueFlags.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < argv.size()) {
                    value = argv.get(++i);
                } else {
                    throw new UsageException(command + ": " + name + " needs a value");
                }
                args.values.put(name, value);
            } else {
                throw new UsageException(command + ": unknown option " + name);
            }
        }
        return args;
    }

    boolean has(String flag) {
        return switches.contains(flag) || values.containsKey(flag);
    }

    String value(String flag, String fallback) {
        return values.getOrDefault(flag, fallback);
    }

    int intValue(String flag, int fallback, int min, int max) {
        String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " '" + v + "' must be a whole number from " + min + " to " + max);
        }
    }

    long longValue(String flag, long fallback) {
        String v = values.get(flag);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " '" + v + "' must be a whole number");
        }
    }

    List<String> positionals() {
        return positionals;
    }

    void noPositionals(String command) {
        if (!positionals.isEmpty()) {
            throw new UsageException(command + ": unexpected argument '" + positionals.get(0) + "'");
        }
    }
}
