package dk.sagsspor.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP API as the benchmark uses it: the set-up (meetings with items on their agendas, opened) and the
 * command mix — mostly lifecycle commands on existing items (revisions, discussion notes), some new proposals, and one
 * hot item that a tenth of all commands revise.
 *
 * <p>It is the careful client docs/api.md describes: every {@code POST} carries its own {@code Idempotency-Key} and is
 * sent again with the same key when the answer does not settle it (no answer, a {@code 5xx}, {@code 409
 * concurrent-change}); every {@code PATCH} carries {@code If-Match} with the item's last known version, and on
 * {@code 412} reads the item again (query side) and retries. A request's latency runs to its final answer, retries
 * included. In the set-up a request that does not succeed is retried until it does (a connection reset on a reused
 * keep-alive connection once cost a run its quarter hour); under load it is counted, never fatal.
 */
final class Api {

    static final String COMMITTEE = "KKR Benchmark";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ATTEMPTS = 4;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String commands;
    private final String queries;
    private final String token;
    private final List<String> items = new ArrayList<>();
    private final List<String> scheduled = new ArrayList<>();
    private final Map<String, String> versions = new ConcurrentHashMap<>();
    private final AtomicInteger proposals = new AtomicInteger();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong rereads = new AtomicLong();
    private String hotItem;

    Api(String commands, String queries, String token) {
        this.commands = commands;
        this.queries = queries;
        this.token = token;
    }

    /** {@code meetings} open meetings with {@code perMeeting} items each, {@code loose} more items not on any. */
    void setUp(int meetings, int perMeeting, int loose) {
        for (int m = 0; m < meetings; m++) {
            String meeting = id(settled(
                    commands + "/api/meetings",
                    "{\"committee\":\"" + COMMITTEE + "\",\"start\":\"2027-0" + (1 + m % 9) + "-1" + (m % 10)
                            + "T10:00\",\"location\":\"Aalborg\"}"));
            for (int i = 0; i < perMeeting; i++) {
                String item = id(settled(commands + "/api/agenda-items", proposal()));
                items.add(item);
                scheduled.add(item);
                settled(
                        commands + "/api/agenda-items/" + item + "/scheduling",
                        "{\"meetingId\":\"" + meeting + "\",\"number\":\"" + (1 + i / 5) + "." + (1 + i % 5) + "\"}");
            }
            settled(commands + "/api/meetings/" + meeting + "/opening", "{}");
        }
        for (int i = 0; i < loose; i++) {
            items.add(id(settled(commands + "/api/agenda-items", proposal())));
        }
        hotItem = items.get(0);
    }

    String anyItem() {
        return items.get(ThreadLocalRandom.current().nextInt(items.size()));
    }

    /** The share (in %) of all commands that go to the one hot item; {@code -Dbench.hotItemShare}, 10 by default. */
    private final int hotShare = Integer.getInteger("bench.hotItemShare", 10);

    /**
     * One command of the mix: the hot item's share (10 %) revises it; of the rest, 61 % revise an item, 28 % note a
     * discussion of an item on an open meeting and 11 % propose a new item.
     */
    CompletableFuture<HttpResponse<String>> nextCommand() {
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < hotShare) {
            return timed("revise the hot item", revise(hotItem));
        }
        dice = ThreadLocalRandom.current().nextInt(90);
        if (dice < 55) {
            return timed("revise", revise(anyItem()));
        }
        if (dice < 80) {
            String item = scheduled.get(ThreadLocalRandom.current().nextInt(scheduled.size()));
            return timed(
                    "discuss",
                    post(
                            commands + "/api/agenda-items/" + item + "/discussion",
                            "{\"notes\":\"Drøftet; " + ThreadLocalRandom.current().nextLong() + "\"}"));
        }
        return timed("propose", propose());
    }

    /** Latency by kind of command, from sending to the final answer (retries included), for finding a tail's cause. */
    private final Map<String, Recorder> kinds = new ConcurrentHashMap<>();

    private CompletableFuture<HttpResponse<String>> timed(String kind, CompletableFuture<HttpResponse<String>> sent) {
        long start = System.nanoTime();
        Recorder recorder = kinds.computeIfAbsent(kind, k -> new Recorder(3_600_000_000L, 3));
        return sent.whenComplete((response, error) -> recorder.recordValue(Math.max(1, (System.nanoTime() - start) / 1000)));
    }

    /** By kind of command since the last call: {count, p50 ms, p99 ms, max ms}. */
    Map<String, List<Double>> latencyByKind() {
        Map<String, List<Double>> byKind = new java.util.TreeMap<>();
        kinds.forEach((kind, recorder) -> {
            Histogram h = recorder.getIntervalHistogram();
            byKind.put(
                    kind,
                    List.of(
                            (double) h.getTotalCount(),
                            h.getValueAtPercentile(50) / 1000.0,
                            h.getValueAtPercentile(99) / 1000.0,
                            h.getMaxValue() / 1000.0));
        });
        return byKind;
    }

    /**
     * The queries of M4, each what a secretariat's screen asks most: the committee's outstanding list (first page of
     * 50), an item's timeline (first page of 50), one item, and a search of the committee's items for a word (a case's
     * number in the benchmark's titles).
     */
    CompletableFuture<HttpResponse<String>> outstanding() {
        return send("GET", queries + "/api/agenda-items/outstanding?committee=KKR%20Benchmark&pageSize=50", null, Map.of());
    }

    CompletableFuture<HttpResponse<String>> timeline() {
        return send("GET", queries + "/api/agenda-items/" + anyItem() + "/timeline?pageSize=50", null, Map.of());
    }

    CompletableFuture<HttpResponse<String>> item() {
        return send("GET", queries + "/api/agenda-items/" + anyItem(), null, Map.of());
    }

    CompletableFuture<HttpResponse<String>> search() {
        return send(
                "GET",
                queries + "/api/agenda-items?committee=KKR%20Benchmark&pageSize=50&q="
                        + (1 + ThreadLocalRandom.current().nextInt(Math.max(1, proposals.get()))),
                null,
                Map.of());
    }

    /** Commands sent again (same key or a fresh version) since the start, and reads of an item after a 412. */
    long retries() {
        return retries.get();
    }

    long rereads() {
        return rereads.get();
    }

    private CompletableFuture<HttpResponse<String>> propose() {
        return post(commands + "/api/agenda-items", proposal());
    }

    private String proposal() {
        int n = proposals.incrementAndGet();
        return "{\"committee\":\"" + COMMITTEE + "\",\"title\":\"Benchmarkpunkt " + n + "\",\"caseNumber\":\"SAG-2027-"
                + String.format("%05d", n % 100_000) + "\",\"caseOfficers\":[\"hast\"],\"background\":\"Baggrund for punkt "
                + n + ".\"}";
    }

    /** A {@code POST} with its own idempotency key, sent again with the same key until the answer settles it. */
    private CompletableFuture<HttpResponse<String>> post(String url, String body) {
        return post(url, body, UUID.randomUUID().toString());
    }

    private CompletableFuture<HttpResponse<String>> post(String url, String body, String key) {
        return attempt(() -> send("POST", url, body, Map.of("Idempotency-Key", key)), 1);
    }

    /** A revision with {@code If-Match}: on 412 the item is read again and the revision retried with what was read. */
    private CompletableFuture<HttpResponse<String>> revise(String item) {
        String body = "{\"presentation\":\"Sagsfremstilling, version " + ThreadLocalRandom.current().nextLong() + ".\"}";
        return revise(item, body, versions.get(item), 1);
    }

    private CompletableFuture<HttpResponse<String>> revise(String item, String body, String version, int attempt) {
        Map<String, String> headers = version == null ? Map.of() : Map.of("If-Match", version);
        return attempt(() -> send("PATCH", commands + "/api/agenda-items/" + item, body, headers), 1)
                .thenCompose(response -> {
                    if (response.statusCode() != 412 || attempt >= ATTEMPTS) {
                        return CompletableFuture.completedFuture(response);
                    }
                    rereads.incrementAndGet();
                    return send("GET", queries + "/api/agenda-items/" + item, null, Map.of())
                            .thenCompose(current -> {
                                String read = current.headers().firstValue("ETag").orElse(null);
                                String known = versions.get(item);
                                // the query side may lag behind our own last answer: take the newer of the two
                                String next = newer(read, known);
                                return revise(item, body, next, attempt + 1);
                            });
                });
    }

    private static String newer(String a, String b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return version(a) >= version(b) ? a : b;
    }

    private static long version(String etag) {
        try {
            return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Sends and, while the answer does not settle the command (no answer, 5xx, 409 concurrent-change), sends again after
     * a back-off (250 ms doubling); the last answer or failure is the result.
     */
    private CompletableFuture<HttpResponse<String>> attempt(
            java.util.function.Supplier<CompletableFuture<HttpResponse<String>>> request, int attempt) {
        return request.get().handle((response, error) -> {
                    boolean unsettled = error != null
                            || response.statusCode() >= 500
                            || (response.statusCode() == 409 && response.body().contains("concurrent-change"));
                    if (!unsettled || attempt >= ATTEMPTS) {
                        return error == null
                                ? CompletableFuture.completedFuture(response)
                                : CompletableFuture.<HttpResponse<String>>failedFuture(error);
                    }
                    retries.incrementAndGet();
                    Executor later = CompletableFuture.delayedExecutor(250L << (attempt - 1), TimeUnit.MILLISECONDS);
                    return CompletableFuture.supplyAsync(() -> null, later)
                            .thenCompose(ignored -> attempt(request, attempt + 1));
                })
                .thenCompose(next -> next)
                .whenComplete((response, error) -> remember(response));
    }

    /** The item's version from a command's answer ({@code ETag}), so that the next revision can send it. */
    private void remember(HttpResponse<String> response) {
        if (response == null || response.statusCode() >= 300) {
            return;
        }
        String path = response.request().uri().getPath();
        String prefix = "/api/agenda-items/";
        String etag = response.headers().firstValue("ETag").orElse(null);
        if (etag == null) {
            return;
        }
        String item;
        if (path.startsWith(prefix)) {
            String rest = path.substring(prefix.length());
            item = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
        } else if (path.equals("/api/agenda-items")) {
            item = JSON.readTree(response.body()).path("id").asString();
        } else {
            return;
        }
        versions.merge(item, etag, Api::newer);
    }

    CompletableFuture<HttpResponse<String>> send(String method, String url, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * In the set-up: a {@code POST} sent with one idempotency key until it succeeds — after any failure, also a final
     * one, for up to two minutes (a set-up that cannot finish is a broken stack, not a slow one).
     */
    private HttpResponse<String> settled(String url, String body) {
        String key = UUID.randomUUID().toString();
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (true) {
            String failure;
            try {
                HttpResponse<String> response = post(url, body, key).join();
                if (response.statusCode() < 300) {
                    return response;
                }
                failure = response.statusCode() + " " + response.body();
            } catch (CompletionException e) {
                failure = String.valueOf(e.getCause());
            }
            if (System.nanoTime() > giveUp) {
                throw new IllegalStateException("set-up: POST " + url + " did not succeed in 2 minutes: " + failure);
            }
            System.out.println("  set-up: POST " + url + " failed (" + failure + "), sending it again");
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static String id(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asString();
    }
}
