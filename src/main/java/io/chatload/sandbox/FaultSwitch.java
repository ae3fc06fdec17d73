package io.chatload.sandbox;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/** The faults a running server injects, changeable at any time from any thread, and how many of each it injected. */
final class FaultSwitch {
    private final long seed;
    private final AtomicReference<FaultPlan> plan = new AtomicReference<>();
    private final Map<FaultKind, LongAdder> injected = new EnumMap<>(FaultKind.class);

    FaultSwitch(long seed, SandboxFaults faults) {
        this.seed = seed;
        for (FaultKind kind : FaultKind.values()) {
            injected.put(kind, new LongAdder());
        }
        set(faults);
    }

    /** Starts a fresh plan: every request counts as asked for the first time again. */
    void set(SandboxFaults faults) {
        if (faults == null) {
            throw new IllegalArgumentException("faults must not be null; SandboxFaults.NONE turns them off");
        }
        plan.set(new FaultPlan(faults, seed));
    }

    Optional<Fault> draw(String method, String target) {
        Optional<Fault> fault = plan.get().draw(method, target);
        fault.ifPresent(drawn -> injected.get(drawn.kind()).increment());
        return fault;
    }

    /** Faults injected so far per kind label, every kind listed, in {@link FaultKind} order. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        injected.forEach((kind, count) -> counts.put(kind.label(), count.sum()));
        return Collections.unmodifiableMap(counts);
    }
}
