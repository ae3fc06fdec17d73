package io.chatload.engine;

import java.util.Map;

/**
 * What to run: a resource ({@code chaport.visitors}), in a {@link Load} (without one, the run has a load of its own,
 * finished when it ends), for one parent record (a child resource, or a row of a parent query), and optionally with a
 * path that replaces the resource's own (the webhook receiver fetches one chat by id through the chats resource, so
 * writing what a poll writes). Immutable: each {@code with} returns a new request.
 */
public final class RunRequest {

    private final String resource;
    private final Load load;
    private final Map<String, Object> parent;
    private final String path;
    /** The run this one runs below (for one of its records or query rows); it shares that run's batch. */
    private final ResourceRun above;

    private RunRequest(String resource, Load load, Map<String, Object> parent, String path, ResourceRun above) {
        this.resource = resource;
        this.load = load;
        this.parent = parent;
        this.path = path;
        this.above = above;
    }

    /** A run of the resource with that id, in a load of its own. */
    public static RunRequest of(String resource) {
        return new RunRequest(resource, null, Map.of(), null, null);
    }

    /** The same run as part of {@code load}: its outcome is added there, and the caller finishes the load. */
    public RunRequest in(Load load) {
        return new RunRequest(resource, load, parent, path, above);
    }

    /** The same run for one parent record: {@code {parent.field}} in the path and the parent fields come from it. */
    public RunRequest forParent(Map<String, Object> parent) {
        return new RunRequest(resource, load, parent, path, above);
    }

    /** The same run with a path (with {@code {parent.field}} placeholders) instead of the resource's own. */
    public RunRequest withPath(String path) {
        return new RunRequest(resource, load, parent, path, above);
    }

    /** The same run below {@code run}, for one of its records or query rows: in its load, writing into its batch. */
    RunRequest below(ResourceRun run, Map<String, Object> record) {
        return new RunRequest(resource, run.load, record, path, run);
    }

    public String resource() {
        return resource;
    }

    /** The load, or null for a run that has a load of its own. */
    public Load load() {
        return load;
    }

    public Map<String, Object> parent() {
        return parent;
    }

    /** The path that replaces the resource's own, or null. */
    public String path() {
        return path;
    }

    /** The run above, or null for a root run (which opens the batch its tree shares). */
    ResourceRun above() {
        return above;
    }
}
