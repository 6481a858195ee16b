package dk.sagsspor.command.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports every minutes file of a folder (.txt and .pdf) through a running command service's API, with a progress bar
 * and a summary table per file; exits 1 if any file failed. Started by {@code deploy/local/import-minutes.sh}:
 *
 * <pre>
 * import-minutes FOLDER [--url http://127.0.0.1:8081] [--user name:password] [--dry-run]
 * </pre>
 */
public final class BulkImport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One file's outcome, a row of the summary. */
    record Row(String file, String outcome, int meetings, int items, int decisions, int deadlines, int warnings) {}

    private BulkImport() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the import; returns the exit status (0 all imported or already there, 1 a file failed, 2 bad usage). */
    static int run(String[] args, PrintStream out, PrintStream progress) {
        Path folder = null;
        String url = "http://127.0.0.1:8081";
        String user = System.getenv().getOrDefault("SAGSSPOR_USER", "");
        boolean dryRun = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--url" -> url = args[++i];
                case "--user" -> user = args[++i];
                case "--dry-run" -> dryRun = true;
                default -> folder = Path.of(args[i]);
            }
        }
        if (folder == null || !Files.isDirectory(folder) || !user.contains(":")) {
            out.println("usage: import-minutes FOLDER [--url URL] [--user name:password] [--dry-run]"
                    + " (or SAGSSPOR_USER=name:password)");
            return 2;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(BulkImport::isMinutesFile).sorted().toList();
        } catch (IOException e) {
            out.println("cannot read " + folder + ": " + e.getMessage());
            return 2;
        }
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String authorization = "Basic " + Base64.getEncoder().encodeToString(user.getBytes(StandardCharsets.UTF_8));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            progress(progress, i, files.size(), files.get(i).getFileName().toString());
            rows.add(importOne(http, url, authorization, files.get(i), dryRun));
        }
        progress(progress, files.size(), files.size(), "done");
        progress.println();
        table(out, rows);
        return rows.stream().anyMatch(row -> row.outcome().startsWith("failed")) ? 1 : 0;
    }

    private static boolean isMinutesFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(file) && (name.endsWith(".txt") || name.endsWith(".pdf"));
    }

    private static Row importOne(HttpClient http, String url, String authorization, Path file, boolean dryRun) {
        String name = file.getFileName().toString();
        boolean pdf = name.toLowerCase(Locale.ROOT).endsWith(".pdf");
        try {
            byte[] document = Files.readAllBytes(file);
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(url + "/api/imports/minutes" + (dryRun ? "?dryRun=true" : "")))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", authorization)
                    .header("Content-Type", pdf ? "application/pdf" : "text/plain; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(document))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
            if (response.statusCode() >= 300) {
                return new Row(
                        name,
                        "failed: " + response.statusCode() + " "
                                + body.path("detail").asString(""),
                        0,
                        0,
                        0,
                        0,
                        0);
            }
            if (dryRun) {
                JsonNode items = body.path("items");
                int decisions = 0;
                for (JsonNode item : items) {
                    decisions += item.path("decision").isNull() ? 0 : 1;
                }
                return new Row(
                        name,
                        "read",
                        1,
                        items.size(),
                        decisions,
                        body.path("deadlines").size(),
                        body.path("warnings").size());
            }
            boolean imported = body.path("imported").asBoolean();
            return new Row(
                    name,
                    imported ? "imported" : "already imported",
                    imported ? 1 : 0,
                    body.path("items").asInt(),
                    body.path("decisions").asInt(),
                    body.path("deadlines").asInt(),
                    imported ? body.path("warnings").size() : 0);
        } catch (IOException | RuntimeException e) {
            return new Row(name, "failed: " + e.getMessage(), 0, 0, 0, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Row(name, "failed: interrupted", 0, 0, 0, 0, 0);
        }
    }

    private static void progress(PrintStream progress, int done, int total, String current) {
        int width = 30;
        int filled = total == 0 ? width : done * width / total;
        progress.printf(
                "\r[%s%s] %d/%d %-40.40s", "#".repeat(filled), ".".repeat(width - filled), done, total, current);
        progress.flush();
    }

    private static void table(PrintStream out, List<Row> rows) {
        String format = "%-36.36s %-18.18s %8s %6s %9s %9s %8s%n";
        out.printf(format, "file", "outcome", "meetings", "items", "decisions", "deadlines", "warnings");
        for (Row row : rows) {
            out.printf(
                    format,
                    row.file(),
                    row.outcome().startsWith("failed") ? "FAILED" : row.outcome(),
                    row.meetings(),
                    row.items(),
                    row.decisions(),
                    row.deadlines(),
                    row.warnings());
        }
        rows.stream()
                .filter(row -> row.outcome().startsWith("failed"))
                .forEach(row -> out.println(row.file() + ": " + row.outcome()));
        long failed =
                rows.stream().filter(row -> row.outcome().startsWith("failed")).count();
        out.println(rows.size() + " file(s), " + failed + " failed");
    }
}
