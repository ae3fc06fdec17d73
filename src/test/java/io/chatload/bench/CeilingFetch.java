package io.chatload.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The network ceiling: GETs every URL of a recorded list with a plain JDK HttpClient, {@code concurrency} requests
 * at a time per API (chatload's fan-out is bounded per source, and both sources load at the same time), reading each
 * body in full. Prints the wall time from the first request to the last answer, and the statuses.
 * Usage: CeilingFetch urlsFile baseUrl concurrency chaportToken chatformaKey
 */
public final class CeilingFetch {

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]));
        String base = args[1];
        int concurrency = Integer.parseInt(args[2]);
        String chaportToken = args[3];
        String chatformaKey = args[4];
        List<String> chaport = new ArrayList<>();
        List<String> chatforma = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("GET ")) {
                continue;
            }
            String path = line.substring(4);
            (path.startsWith("/chatforma") ? chatforma : chaport).add(path);
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<Integer, AtomicLong> statuses = new TreeMap<>();
        AtomicLong bytes = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(2 * concurrency);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (List<String> group : List.of(chaport, chatforma)) {
            ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(group);
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    String path;
                    while ((path = queue.poll()) != null) {
                        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
                        if (path.startsWith("/chatforma")) {
                            request.header("api_key", chatformaKey);
                        } else {
                            request.header("Authorization", "Bearer " + chaportToken);
                        }
                        HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                        bytes.addAndGet(response.body().length);
                        synchronized (statuses) {
                            statuses.computeIfAbsent(response.statusCode(), s -> new AtomicLong()).incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        long elapsedMs = (System.nanoTime() - start) / 1_000_000;
        pool.shutdown();
        System.out.printf("ceiling: %d requests (%d chaport, %d chatforma), %d bytes, statuses %s, concurrency %d per API, %.3f s%n",
                chaport.size() + chatforma.size(), chaport.size(), chatforma.size(), bytes.get(), statuses, concurrency,
                elapsedMs / 1000.0);
        System.out.println("CEILING_SECONDS=" + elapsedMs / 1000.0);
    }
}
