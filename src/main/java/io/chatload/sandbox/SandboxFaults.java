package io.chatload.sandbox;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How often the sandbox fails API requests on purpose, per {@link FaultKind}, and how late a slow answer comes.
 * Whether a request fails, and how, depends only on the sandbox's seed, the request's method, raw path and query,
 * and how many times that same request was made before: a retry draws anew, and the same requests fault the same
 * way on every run (see {@code FaultPlan}).
 *
 * @param rates  the share of API requests that get each kind, from 0 to 1, at most 1 together; kinds with rate 0
 *               are left out
 * @param slowMs how long a {@link FaultKind#SLOW} answer waits; by default past a 60 s client read timeout
 */
public record SandboxFaults(Map<FaultKind, Double> rates, long slowMs) {
    public static final long DEFAULT_SLOW_MS = 65_000;
    public static final SandboxFaults NONE = new SandboxFaults(Map.of(), DEFAULT_SLOW_MS);

    /** Rates such as 0.7 + 0.2 + 0.1 add up to a hair over 1 in doubles; that still means "at most 1". */
    private static final double SUM_SLACK = 1e-9;

    public SandboxFaults {
        if (rates == null) {
            throw invalid("Rates must not be null");
        }
        Map<FaultKind, Double> kept = new EnumMap<>(FaultKind.class);
        double sum = 0;
        for (Map.Entry<FaultKind, Double> entry : rates.entrySet()) {
            FaultKind kind = entry.getKey();
            Double rate = entry.getValue();
            if (kind == null || rate == null || !(rate >= 0 && rate <= 1)) {
                throw invalid("Rate of " + (kind == null ? "null" : kind.label()) + " must be from 0 to 1, got "
                        + rate);
            }
            if (rate > 0) {
                kept.put(kind, rate);
                sum += rate;
            }
        }
        if (sum > 1 + SUM_SLACK) {
            throw invalid("Rates add up to " + sum + ", more than 1");
        }
        if (slowMs < 0) {
            throw new IllegalArgumentException("slowMs must not be negative, got " + slowMs);
        }
        rates = Collections.unmodifiableMap(kept);
    }

    /**
     * Reads {@code kind=rate,...} as {@code --faults} takes it, e.g. "5xx=0.10,429=0.05,reset=0.02", with the default
     * {@code slowMs}; "none" or an empty text is {@link #NONE}. Kinds ignore case.
     *
     * @throws IllegalArgumentException naming the valid kinds, for an unknown or repeated kind, a rate that is not a
     *                                  number from 0 to 1, or rates adding up to more than 1
     */
    public static SandboxFaults parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return NONE;
        }
        Map<FaultKind, Double> rates = new EnumMap<>(FaultKind.class);
        for (String part : text.split(",", -1)) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw invalid("Fault '" + part.trim() + "' is not kind=rate");
            }
            FaultKind kind = FaultKind.parse(part.substring(0, eq).trim());
            if (rates.put(kind, rate(kind, part.substring(eq + 1).trim())) != null) {
                throw invalid("Fault kind " + kind.label() + " is given twice");
            }
        }
        return new SandboxFaults(rates, DEFAULT_SLOW_MS);
    }

    public SandboxFaults withSlowMs(long ms) {
        return new SandboxFaults(rates, ms);
    }

    public double rate(FaultKind kind) {
        return rates.getOrDefault(kind, 0.0);
    }

    public boolean isNone() {
        return rates.isEmpty();
    }

    /** The rates as {@link #parse} reads them, e.g. "5xx=0.1,reset=0.02"; "none" for {@link #NONE}. */
    public String spec() {
        if (isNone()) {
            return "none";
        }
        return rates.entrySet().stream()
                .map(entry -> entry.getKey().label() + "=" + entry.getValue())
                .collect(Collectors.joining(","));
    }

    /**
     * The kind whose band holds a draw from [0, 1): the kinds take consecutive bands as wide as their rates, in
     * {@link FaultKind} order from 0; a draw past them all is no fault.
     */
    Optional<FaultKind> kindAt(double draw) {
        double upTo = 0;
        for (Map.Entry<FaultKind, Double> entry : rates.entrySet()) {
            upTo += entry.getValue();
            if (draw < upTo) {
                return Optional.of(entry.getKey());
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "SandboxFaults[" + spec() + ", slowMs=" + slowMs + "]";
    }

    static IllegalArgumentException invalid(String problem) {
        return new IllegalArgumentException(problem + "; expected kind=rate,... with kinds "
                + FaultKind.labels() + " and rates from 0 to 1 that add up to at most 1");
    }

    private static double rate(FaultKind kind, String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw invalid("Rate of " + kind.label() + " must be a number from 0 to 1, got '" + text + "'");
        }
    }
}
