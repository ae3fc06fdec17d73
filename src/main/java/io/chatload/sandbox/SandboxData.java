package io.chatload.sandbox;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ground truth of one sandbox: the very records its endpoints serve, generated deterministically from the
 * seed and counts of a {@link SandboxConfig} (same config, byte-identical JSON). Every collection is read-only,
 * so it can be shared by the server threads and the tests that compare a database with it.
 */
public final class SandboxData {
    private final List<Map<String, Object>> operators;
    private final Map<String, Map<String, Object>> operatorsById;
    private final List<Map<String, Object>> visitors;
    private final Map<String, Map<String, Object>> visitorDetailsById;
    private final List<Map<String, Object>> bots;
    private final Map<String, Object> truth;

    private SandboxData(List<Map<String, Object>> operators, List<GeneratedVisitor> visitors,
                        List<Map<String, Object>> bots) {
        this.operators = operators;
        this.visitors = visitors.stream().map(GeneratedVisitor::listForm).toList();
        this.bots = bots;
        Map<String, Map<String, Object>> operatorIndex = new HashMap<>();
        operators.forEach(operator -> operatorIndex.put((String) operator.get("id"), operator));
        this.operatorsById = Collections.unmodifiableMap(operatorIndex);
        Map<String, Map<String, Object>> visitorIndex = new HashMap<>();
        visitors.forEach(visitor -> visitorIndex.put(visitor.id(), visitor.detailForm()));
        this.visitorDetailsById = Collections.unmodifiableMap(visitorIndex);
        this.truth = truth(this.operators, this.visitors, this.bots);
    }

    public static SandboxData generate(SandboxConfig config) {
        long seed = config.seed();
        return new SandboxData(
                new OperatorGenerator(new SeededRandom(seed, "chaport.operators")).generate(config.operators()),
                new VisitorGenerator(new SeededRandom(seed, "chaport.visitors")).generate(config.visitors()),
                new BotGenerator(new SeededRandom(seed, "chatforma.bots")).generate(config.bots()));
    }

    /** Exactly what {@code GET /operators} serves, in the same order and key order. */
    public List<Map<String, Object>> chaportOperators() {
        return operators;
    }

    /** What {@code GET /operators/{id}} serves, or null for an unknown id. */
    public Map<String, Object> chaportOperator(String id) {
        return operatorsById.get(id);
    }

    /** All pages of {@code GET /visitors} in list form, most recent chat first. */
    public List<Map<String, Object>> chaportVisitors() {
        return visitors;
    }

    /** What {@code GET /visitors/{id}} serves (the detail form), or null for an unknown id. */
    public Map<String, Object> chaportVisitor(String id) {
        return visitorDetailsById.get(id);
    }

    /** Exactly what Chatforma's {@code GET /bots} serves. */
    public List<Map<String, Object>> chatformaBots() {
        return bots;
    }

    /** {"chaport":{"operators":[...],"visitors":[...]},"chatforma":{"bots":[...]}}, as /_sandbox/truth serves it. */
    public Map<String, Object> truth() {
        return truth;
    }

    private static Map<String, Object> truth(List<Map<String, Object>> operators,
                                             List<Map<String, Object>> visitors,
                                             List<Map<String, Object>> bots) {
        Map<String, Object> chaport = new LinkedHashMap<>();
        chaport.put("operators", operators);
        chaport.put("visitors", visitors);
        Map<String, Object> chatforma = new LinkedHashMap<>();
        chatforma.put("bots", bots);
        Map<String, Object> truth = new LinkedHashMap<>();
        truth.put("chaport", Collections.unmodifiableMap(chaport));
        truth.put("chatforma", Collections.unmodifiableMap(chatforma));
        return Collections.unmodifiableMap(truth);
    }
}
