package io.chatload.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.chatload.load.Destination;
import io.chatload.load.LoadBatch;
import io.chatload.load.LoadStatus;
import io.chatload.load.StateEntry;
import io.chatload.load.TableTarget;
import io.chatload.load.WriteDisposition;
import io.chatload.sandbox.SandboxConfig;
import io.chatload.sandbox.SandboxData;
import io.chatload.sandbox.Scale;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark 2's write path alone: the records a crawl of the sandbox yields, fed straight into chatload's loader
 * ({@link Destination#connect} + {@link LoadBatch}), no HTTP. The records are the sandbox's generated data for the
 * same scale, visitors and seed as {@code bench/db.sh}, each turned into JSON with the sandbox's own serialisation
 * (a default Jackson mapper) and parsed back as chatload parses a response body (a {@code LinkedHashMap} per object),
 * before the clock starts. They are then fed in the order the shipped routes write them, to the same targets:
 * <ul>
 * <li>{@code chaport.operators}: one batch, merge on {@code id};</li>
 * <li>{@code chaport.webhooks}: one batch, replace;</li>
 * <li>{@code chaport.visitors} and its tree, one batch: each page of 50 list records (merge on {@code id}), then per
 *     visitor its detail record ({@code visitors}, merge), its chats without {@code events} plus {@code visitor_id}
 *     ({@code chats}, merge on {@code visitor_id,id}), each chat's events plus {@code visitor_id}, {@code chat_id}
 *     ({@code chat_events}, merge on {@code visitor_id,chat_id,id}), a {@code done} state entry per closed chat,
 *     then the visitor's {@code lastChatAt} cursor; the run's watermark at the end;</li>
 * <li>{@code chatforma.bots} and its tree, one batch: bots, then per bot its live and deleted users, dialogs (with
 *     their cursor) and each dialog's messages, forms, predefined messages, segments, all merged on their keys.</li>
 * </ul>
 * Child tables ({@code chats__operators}, lists of events...) are made by chatload's flattener as in a run. Both
 * ledger rows are opened before the first record and closed after the last commit, inside the timed span. The
 * {@code chaport.operator} resource (operators chats name but the list lacks) writes nothing for this data: not fed.
 *
 * <p>Prints {@code WRITE_RECORDS}, {@code WRITE_SECONDS} (first record to last commit). With {@code profileMs > 0} a
 * sampler takes the feeding threads' stacks every {@code profileMs} ms and prints where they were.
 *
 * <p>Usage: WritePathBench url user password visitors [seed=42] [batchSize=500] [threads=1] [profileMs=0] [warmUpUrl]
 * (with {@code warmUpUrl}, the same feed runs into that database first, untimed: the figure of a warm JVM, as in {@code run})
 * ({@code threads > 1}: each visitor's records are fed by one of that many threads, as the crawl's fan-out adds them)
 */
public final class WritePathBench {
    private static final String CHAPORT = "chaport_data";
    private static final String CHATFORMA = "chatforma_data";
    private static final WriteDisposition MERGE = WriteDisposition.MERGE;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final TableTarget OPERATORS = new TableTarget(CHAPORT, "operators", List.of("id"), MERGE);
    private static final TableTarget WEBHOOKS = new TableTarget(CHAPORT, "webhooks", List.of("id"), WriteDisposition.REPLACE);
    private static final TableTarget VISITORS = new TableTarget(CHAPORT, "visitors", List.of("id"), MERGE);
    private static final TableTarget CHATS = new TableTarget(CHAPORT, "chats", List.of("visitor_id", "id"), MERGE);
    private static final TableTarget EVENTS = new TableTarget(CHAPORT, "chat_events", List.of("visitor_id", "chat_id", "id"), MERGE);
    private static final TableTarget BOTS = new TableTarget(CHATFORMA, "bots", List.of("id"), MERGE);
    private static final TableTarget USERS = perBot("users");
    private static final TableTarget DIALOGS = perBot("dialogs");
    private static final TableTarget FORMS = perBot("forms");
    private static final TableTarget MESSAGES = perBot("messages");
    private static final TableTarget SEGMENTS = perBot("segments");
    private static final TableTarget USER_MESSAGES =
            new TableTarget(CHATFORMA, "user_messages", List.of("bot_id", "bot_user_id", "id"), MERGE);

    private static TableTarget perBot(String table) {
        return new TableTarget(CHATFORMA, table, List.of("bot_id", "id"), MERGE);
    }

    /** One write of the feed: a record for a target, or a state entry. */
    private sealed interface Op permits Add, State {
        void apply(LoadBatch batch);
    }

    private record Add(TableTarget target, Map<String, Object> record) implements Op {
        public void apply(LoadBatch batch) {
            batch.add(target, record);
        }
    }

    private record State(String schema, StateEntry entry) implements Op {
        public void apply(LoadBatch batch) {
            batch.addState(schema, entry);
        }
    }

    /** A unit one fan-out worker would feed: one visitor's children, or a root page's records. */
    private record Unit(List<Op> ops) {
    }

    /** One resource tree: one batch; its targets declared first; pages of root records, each followed by its units. */
    private record Tree(String name, List<TableTarget> targets, List<Page> pages, List<Op> atEnd) {
    }

    private record Page(List<Op> roots, List<Unit> children) {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String password = args[2];
        int visitors = Integer.parseInt(args[3]);
        long seed = args.length > 4 ? Long.parseLong(args[4]) : 42;
        int batchSize = args.length > 5 ? Integer.parseInt(args[5]) : 500;
        int threads = args.length > 6 ? Integer.parseInt(args[6]) : 1;
        int profileMs = args.length > 7 ? Integer.parseInt(args[7]) : 0;

        SandboxConfig config = SandboxConfig.defaults().withScale(Scale.parse("small")).withSeed(seed).withVisitors(visitors);
        SandboxData data = SandboxData.generate(config);
        List<Tree> trees = List.of(operators(data), webhooks(data), visitors(data, config.visitorsPageSize()), bots(data));
        long records = trees.stream().mapToLong(WritePathBench::adds).sum();
        System.out.printf("write path: %d records from the sandbox (small scale, %d visitors, seed %d), batch %d, %d feeding thread(s)%n",
                records, visitors, seed, batchSize, threads);

        String warmUpUrl = args.length > 8 ? args[8] : null;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        try {
            if (warmUpUrl != null) { // a warm JVM, as a long-running run's: the same feed once, into another database
                feed(warmUpUrl, user, password, trees, batchSize, pool, null);
                System.out.println("write path: warmed up by the same feed into another database first");
            }
            Sampler sampler = profileMs > 0 ? new Sampler(profileMs) : null;
            Fed fed = feed(url, user, password, trees, batchSize, pool, sampler);
            System.out.printf("write path: %d records written in %.3f s (%.0f records/s); rows written per table %s%n",
                    records, fed.seconds(), records / fed.seconds(), fed.rows());
            System.out.println("WRITE_RECORDS=" + records);
            System.out.println("WRITE_SECONDS=" + fed.seconds());
            System.out.println("WRITE_CPU_SECONDS=" + fed.cpu()); // this JVM's CPU time over the same span (all threads)
            if (pool == null) { // the feeding thread's own CPU time: no JIT or GC threads, no time waiting for a core
                System.out.println("WRITE_THREAD_CPU_SECONDS=" + fed.threadCpu());
            }
            if (sampler != null) {
                sampler.report();
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    /** Wall, process CPU and feeding-thread CPU seconds of a feed, and the rows it wrote per schema and table. */
    private record Fed(double seconds, double cpu, double threadCpu, Map<String, Map<String, Long>> rows) {
    }

    /** Feeds every tree into the database at {@code url}, timed from the first ledger row to the last commit. */
    private static Fed feed(String url, String user, String password, List<Tree> trees, int batchSize,
                            ExecutorService pool, Sampler sampler) throws Exception {
        try (Destination destination = Destination.connect(url, user, password)) {
            String loadId = loadId(Instant.now());
            Map<String, Map<String, Long>> rows = new LinkedHashMap<>();
            if (sampler != null) {
                sampler.watch(Thread.currentThread());
                sampler.start();
            }
            long start = System.nanoTime();
            long cpuStart = JdbcCeiling.processCpuNanos();
            long threadCpuStart = JdbcCeiling.threadCpuNanos();
            destination.ledger().started(CHAPORT, loadId);
            destination.ledger().started(CHATFORMA, loadId);
            for (Tree tree : trees) {
                LoadBatch batch = destination.batch(loadId, batchSize);
                tree.targets().forEach(batch::use);
                for (Page page : tree.pages()) {
                    page.roots().forEach(op -> op.apply(batch));
                    if (pool == null || page.children().size() < 2) {
                        page.children().forEach(unit -> unit.ops().forEach(op -> op.apply(batch)));
                    } else {
                        List<Future<?>> running = new ArrayList<>();
                        for (Unit unit : page.children()) {
                            running.add(pool.submit(() -> {
                                if (sampler != null) {
                                    sampler.watch(Thread.currentThread());
                                }
                                unit.ops().forEach(op -> op.apply(batch));
                            }));
                        }
                        for (Future<?> f : running) {
                            f.get();
                        }
                    }
                }
                tree.atEnd().forEach(op -> op.apply(batch));
                batch.complete();
                String schema = tree.targets().get(0).schema();
                batch.rowsPerTable(schema).forEach((t, n) -> rows.computeIfAbsent(schema, s -> new LinkedHashMap<>()).merge(t, n, Long::sum));
            }
            destination.ledger().finished(CHAPORT, loadId, LoadStatus.COMPLETED, rows.getOrDefault(CHAPORT, Map.of()), null);
            destination.ledger().finished(CHATFORMA, loadId, LoadStatus.COMPLETED, rows.getOrDefault(CHATFORMA, Map.of()), null);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (JdbcCeiling.processCpuNanos() - cpuStart) / 1e9;
            double threadCpu = (JdbcCeiling.threadCpuNanos() - threadCpuStart) / 1e9;
            if (sampler != null) {
                sampler.stop();
            }
            return new Fed(seconds, cpu, threadCpu, rows);
        }
    }

    private static long adds(Tree tree) {
        long n = 0;
        for (Page page : tree.pages()) {
            n += page.roots().stream().filter(op -> op instanceof Add).count();
            for (Unit unit : page.children()) {
                n += unit.ops().stream().filter(op -> op instanceof Add).count();
            }
        }
        return n;
    }

    private static String loadId(Instant now) {
        return now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1_000);
    }

    /** The record as chatload receives it: served as JSON by the sandbox's mapper, parsed back into maps. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parsed(Map<String, Object> served) {
        try {
            return JSON.readValue(JSON.writeValueAsBytes(served), LinkedHashMap.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Add add(TableTarget target, Map<String, Object> served, Object... parentFields) {
        Map<String, Object> record = parsed(served);
        for (int i = 0; i < parentFields.length; i += 2) {
            record.put((String) parentFields[i], parentFields[i + 1]);
        }
        return new Add(target, record);
    }

    private static Tree operators(SandboxData data) {
        List<Op> ops = new ArrayList<>();
        data.chaportOperators().forEach(o -> ops.add(add(OPERATORS, o)));
        return new Tree("chaport.operators", List.of(OPERATORS), List.of(new Page(ops, List.of())), List.of());
    }

    private static Tree webhooks(SandboxData data) {
        List<Op> ops = new ArrayList<>();
        data.chaportSubscriptions().forEach(h -> ops.add(add(WEBHOOKS, h)));
        return new Tree("chaport.webhooks", List.of(WEBHOOKS), List.of(new Page(ops, List.of())), List.of());
    }

    private static Tree visitors(SandboxData data, int pageSize) {
        List<Map<String, Object>> listed = data.chaportVisitors();
        List<Page> pages = new ArrayList<>();
        String watermark = null;
        for (int from = 0; from < listed.size(); from += pageSize) {
            List<Op> roots = new ArrayList<>();
            List<Unit> units = new ArrayList<>();
            for (Map<String, Object> visitor : listed.subList(from, Math.min(listed.size(), from + pageSize))) {
                roots.add(add(VISITORS, visitor));
                String id = (String) visitor.get("id");
                List<Op> ops = new ArrayList<>();
                ops.add(add(VISITORS, data.chaportVisitor(id)));
                for (Map<String, Object> chat : data.chaportChats(id)) {
                    Map<String, Object> row = new LinkedHashMap<>(chat);
                    row.remove("events"); // excludeFields: events
                    ops.add(add(CHATS, row, "visitor_id", id));
                    Object chatId = parsed(Map.of("id", chat.get("id"))).get("id");
                    for (Map<String, Object> event : data.chaportEvents(id, ((Number) chat.get("id")).intValue())) {
                        ops.add(add(EVENTS, event, "visitor_id", id, "chat_id", chatId));
                    }
                    if ("closed".equals(String.valueOf(chat.get("stage")))) {
                        ops.add(new State(CHAPORT, new StateEntry("visitor_chats", id + "/" + chatId, "done")));
                    }
                }
                Object cursor = visitor.get("lastChatAt");
                if (cursor != null) {
                    ops.add(new State(CHAPORT, new StateEntry("visitors", id, cursor.toString())));
                    if (watermark == null || cursor.toString().compareTo(watermark) > 0) {
                        watermark = cursor.toString();
                    }
                }
                units.add(new Unit(ops));
            }
            pages.add(new Page(roots, units));
        }
        List<Op> end = watermark == null ? List.of() : List.of(new State(CHAPORT, new StateEntry("visitors", "", watermark)));
        return new Tree("chaport.visitors", List.of(VISITORS, CHATS, EVENTS), pages, end);
    }

    private static Tree bots(SandboxData data) {
        List<Op> roots = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (Map<String, Object> bot : data.chatformaBots()) {
            roots.add(add(BOTS, bot));
            Object botId = parsed(Map.of("id", bot.get("id"))).get("id");
            int bot_ = ((Number) bot.get("id")).intValue();
            List<Op> ops = new ArrayList<>();
            List<Map<String, Object>> users = data.chatformaUsers(bot_);
            users.stream().filter(u -> u.get("deletedAt") == null).forEach(u -> ops.add(add(USERS, u, "bot_id", botId)));
            users.stream().filter(u -> u.get("deletedAt") != null).forEach(u -> ops.add(add(USERS, u, "bot_id", botId)));
            for (Map<String, Object> dialog : data.chatformaDialogs(bot_)) {
                ops.add(add(DIALOGS, dialog, "bot_id", botId));
                Object userId = parsed(Map.of("id", dialog.get("id"))).get("id");
                for (Map<String, Object> m : data.chatformaDialogMessages(bot_, ((Number) dialog.get("id")).intValue())) {
                    ops.add(add(USER_MESSAGES, m, "bot_id", botId, "bot_user_id", userId));
                }
                Object cursor = dialog.get("lastMessageCreatedAt");
                if (cursor != null) {
                    ops.add(new State(CHATFORMA, new StateEntry("dialogs", botId + "/" + userId, cursor.toString())));
                }
            }
            data.chatformaForms(bot_).forEach(f -> ops.add(add(FORMS, f, "bot_id", botId)));
            data.chatformaMessages(bot_).forEach(m -> ops.add(add(MESSAGES, m, "bot_id", botId)));
            data.chatformaSegments(bot_).forEach(s -> ops.add(add(SEGMENTS, s, "bot_id", botId)));
            units.add(new Unit(ops));
        }
        return new Tree("chatforma.bots", List.of(BOTS, USERS, DIALOGS, USER_MESSAGES, FORMS, MESSAGES, SEGMENTS),
                List.of(new Page(roots, units)), List.of());
    }

    /**
     * Samples the feeding threads' stacks and counts, per sample, the innermost frame of chatload's load package and
     * whether a JDBC driver (H2's engine, PostgreSQL's driver) is below it: where the write path's time goes.
     */
    private static final class Sampler implements Runnable {
        private final int everyMs;
        private final List<Thread> watched = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final Map<String, Integer> byFrame = new HashMap<>();
        private final Map<String, Integer> byStep = new HashMap<>();
        private volatile boolean running = true;
        private Thread thread;
        private int samples;

        Sampler(int everyMs) {
            this.everyMs = everyMs;
        }

        void watch(Thread t) {
            if (!watched.contains(t)) {
                watched.add(t);
            }
        }

        void start() {
            thread = new Thread(this, "write-path-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }

        @Override
        public void run() {
            while (running) {
                for (Thread t : watched) {
                    StackTraceElement[] stack = t.getStackTrace();
                    if (stack.length == 0 || t.getState() == Thread.State.WAITING && isIdle(stack)) {
                        continue;
                    }
                    synchronized (this) {
                        samples++;
                        byFrame.merge(innermost(stack), 1, Integer::sum);
                        byStep.merge(step(stack), 1, Integer::sum);
                    }
                }
                try {
                    Thread.sleep(everyMs);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** A pool thread waiting for work, or the main thread waiting for its pool: not the write path. */
        private static boolean isIdle(StackTraceElement[] stack) {
            for (StackTraceElement f : stack) {
                if (f.getClassName().startsWith("io.chatload.load.")) {
                    return false;
                }
            }
            return true;
        }

        /** The innermost io.chatload frame, with the library below it when there is one. */
        private static String innermost(StackTraceElement[] stack) {
            String below = null;
            for (StackTraceElement f : stack) {
                String c = f.getClassName();
                if (c.startsWith("io.chatload.") && !c.startsWith("io.chatload.bench.")) {
                    return f.getClassName().replace("io.chatload.", "") + "." + f.getMethodName()
                            + (below == null ? "" : "  -> " + below);
                }
                if (below == null && !c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
                    below = c.startsWith("org.h2.") ? "H2 engine" : c.startsWith("org.postgresql.") ? "PostgreSQL driver"
                            : c.startsWith("com.zaxxer.") ? "HikariCP" : c.startsWith("com.fasterxml.") ? "Jackson" : c;
                }
            }
            return "(outside chatload) " + stack[0].getClassName() + "." + stack[0].getMethodName();
        }

        /** The write-path step the sample is in, by the outermost step frame on the stack. */
        private static String step(StackTraceElement[] stack) {
            String step = null;
            for (int i = stack.length - 1; i >= 0; i--) {
                String c = stack[i].getClassName();
                String m = stack[i].getMethodName();
                String s = null;
                if (c.equals("io.chatload.load.Flattener")) {
                    s = "flatten (Flattener)";
                } else if (c.equals("io.chatload.load.RowWrites") && m.equals("upsert")) {
                    s = "upsert statements (RowWrites.upsert)";
                } else if (c.equals("io.chatload.load.RowWrites") && m.equals("insert")) {
                    s = "insert statements, child tables (RowWrites.insert)";
                } else if (c.equals("io.chatload.load.RowWrites") && m.equals("deleteChildren")) {
                    s = "delete children of upserted roots (RowWrites.deleteChildren)";
                } else if (c.equals("io.chatload.load.SchemaRegistry") && !m.equals("retryingStale")) {
                    // retryingStale wraps a whole flush (rows, state, commit): not a step of its own
                    s = "schema: prepare rows / create, alter tables (SchemaRegistry." + m + ")";
                } else if (c.equals("io.chatload.load.StateStore")) {
                    s = "state entries (StateStore." + m + ")";
                }
                if (s != null) {
                    step = s; // keep the outermost match
                    break;
                }
            }
            if (step == null) {
                for (StackTraceElement f : stack) {
                    if (f.getMethodName().equals("commit")) {
                        return "commit";
                    }
                }
                for (StackTraceElement f : stack) {
                    if (f.getClassName().startsWith("io.chatload.load.")) {
                        return "other load code (" + f.getClassName().replace("io.chatload.load.", "") + "." + f.getMethodName() + ")";
                    }
                }
                return "other";
            }
            return step;
        }

        synchronized void report() {
            System.out.printf("profile: %d samples of the feeding thread(s), every %d ms%n", samples, everyMs);
            System.out.println("profile by step:");
            print(byStep);
            System.out.println("profile by innermost chatload frame (top 25):");
            byFrame.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(25)
                    .forEach(e -> System.out.printf("  %5.1f %%  %5d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
        }

        private void print(Map<String, Integer> counts) {
            counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
                    .forEach(e -> System.out.printf("  %5.1f %%  %5d  %s%n", 100.0 * e.getValue() / samples, e.getValue(), e.getKey()));
        }
    }
}
