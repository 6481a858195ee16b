package dk.sagsspor.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP API as the benchmark uses it: the set-up (meetings with items on their agendas, opened) and the
 * command mix — mostly lifecycle commands on existing items (revisions, discussion notes), some new proposals, and one
 * hot item that a tenth of all commands revise.
 */
final class Api {

    static final String COMMITTEE = "KKR Benchmark";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String commands;
    private final String queries;
    private final String token;
    private final List<String> items = new ArrayList<>();
    private final List<String> scheduled = new ArrayList<>();
    private final AtomicInteger proposals = new AtomicInteger();
    private String hotItem;

    Api(String commands, String queries, String token) {
        this.commands = commands;
        this.queries = queries;
        this.token = token;
    }

    /** {@code meetings} open meetings with {@code perMeeting} items each, {@code loose} more items not on any. */
    void setUp(int meetings, int perMeeting, int loose) throws Exception {
        for (int m = 0; m < meetings; m++) {
            String meeting = id(send("POST", commands + "/api/meetings", "{\"committee\":\"" + COMMITTEE
                            + "\",\"start\":\"2027-0" + (1 + m % 9) + "-1" + (m % 10) + "T10:00\",\"location\":\"Aalborg\"}")
                    .join());
            List<CompletableFuture<HttpResponse<String>>> proposed = new ArrayList<>();
            for (int i = 0; i < perMeeting; i++) {
                proposed.add(propose());
            }
            for (int i = 0; i < perMeeting; i++) {
                String item = id(proposed.get(i).join());
                items.add(item);
                scheduled.add(item);
                ok(send(
                                "POST",
                                commands + "/api/agenda-items/" + item + "/scheduling",
                                "{\"meetingId\":\"" + meeting + "\",\"number\":\"" + (1 + i / 5) + "." + (1 + i % 5)
                                        + "\"}")
                        .join());
            }
            ok(send("POST", commands + "/api/meetings/" + meeting + "/opening", "{}").join());
        }
        List<CompletableFuture<HttpResponse<String>>> proposed = new ArrayList<>();
        for (int i = 0; i < loose; i++) {
            proposed.add(propose());
        }
        for (CompletableFuture<HttpResponse<String>> response : proposed) {
            items.add(id(response.join()));
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
            return revise(hotItem);
        }
        dice = ThreadLocalRandom.current().nextInt(90);
        if (dice < 55) {
            return revise(anyItem());
        }
        if (dice < 80) {
            String item = scheduled.get(ThreadLocalRandom.current().nextInt(scheduled.size()));
            return send(
                    "POST",
                    commands + "/api/agenda-items/" + item + "/discussion",
                    "{\"notes\":\"Drøftet; " + ThreadLocalRandom.current().nextLong() + "\"}");
        }
        return propose();
    }

    /** One query of the mix: the outstanding list of the committee, or an item's timeline. */
    CompletableFuture<HttpResponse<String>> outstanding() {
        return send("GET", queries + "/api/agenda-items/outstanding?committee=KKR%20Benchmark&pageSize=50", null);
    }

    CompletableFuture<HttpResponse<String>> timeline() {
        return send("GET", queries + "/api/agenda-items/" + anyItem() + "/timeline?pageSize=50", null);
    }

    private CompletableFuture<HttpResponse<String>> propose() {
        int n = proposals.incrementAndGet();
        return send("POST", commands + "/api/agenda-items", "{\"committee\":\"" + COMMITTEE
                + "\",\"title\":\"Benchmarkpunkt " + n + "\",\"caseNumber\":\"SAG-2027-" + String.format("%05d", n % 100_000)
                + "\",\"caseOfficers\":[\"hast\"],\"background\":\"Baggrund for punkt " + n + ".\"}");
    }

    private CompletableFuture<HttpResponse<String>> revise(String item) {
        return send(
                "PATCH",
                commands + "/api/agenda-items/" + item,
                "{\"presentation\":\"Sagsfremstilling, version " + ThreadLocalRandom.current().nextLong() + ".\"}");
    }

    CompletableFuture<HttpResponse<String>> send(String method, String url, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String id(HttpResponse<String> response) {
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asString();
    }

    private static void ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }
}
