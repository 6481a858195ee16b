package dk.sagsspor.testsupport;

import dk.sagsspor.testsupport.RealInfrastructure.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster made from the installed server binaries: {@code initdb} into a temporary directory,
 * {@code pg_ctl start} on a free loopback port, removed when the JVM exits. PostgreSQL refuses to run as root, so as
 * root both run as the {@code postgres} user through {@code runuser}.
 */
final class LocalPostgresCluster {

    /** Overrides where the server binaries are looked for. */
    static final String BIN_DIR = "SAGSSPOR_POSTGRES_BIN";

    private static final String USER = "sagsspor";

    private LocalPostgresCluster() {}

    static PostgresServer start(String what) {
        Path bin = findBinaries()
                .orElseThrow(() -> new IllegalStateException("""
                        No PostgreSQL for the integration tests. Either
                          - name a server: %s (JDBC URL), %s, %s; or
                          - start a Docker engine (Testcontainers is used when one answers); or
                          - install the PostgreSQL server binaries (Debian: apt-get install postgresql),
                            or point %s at the directory that holds initdb and pg_ctl.
                        .ci/run installs them when they are missing.""".formatted(
                                ExternalServers.POSTGRES_URL,
                                ExternalServers.POSTGRES_USER,
                                ExternalServers.POSTGRES_PASSWORD,
                                BIN_DIR)));
        try {
            Path home = Files.createTempDirectory("sagsspor-pg-");
            Path data = home.resolve("data");
            Path log = home.resolve("server.log");
            boolean root = isRoot();
            if (root) {
                UserPrincipal postgres =
                        home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(home, postgres);
            }
            int port = freePort();
            run(
                    root,
                    bin.resolve("initdb").toString(),
                    "-D",
                    data.toString(),
                    "-U",
                    USER,
                    "--auth=trust",
                    "-E",
                    "UTF8",
                    "--no-locale",
                    "--no-sync");
            run(
                    root,
                    bin.resolve("pg_ctl").toString(),
                    "-D",
                    data.toString(),
                    "-l",
                    log.toString(),
                    "-w",
                    "-t",
                    "60",
                    "-o",
                    "-p " + port + " -k " + home + " -c listen_addresses=127.0.0.1 -c max_connections=300"
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off",
                    "start");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, bin, data, home), "local-postgres-stop"));
            String version = Files.readString(data.resolve("PG_VERSION")).trim();
            return new JdbcPostgresServer(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    USER,
                    "",
                    "local throwaway cluster (PostgreSQL " + version + " from " + bin + ") on 127.0.0.1:" + port
                            + (root ? ", run as postgres via runuser" : ""));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a local PostgreSQL cluster from " + bin, e);
        }
    }

    private static void stop(boolean root, Path bin, Path data, Path home) {
        try {
            run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            System.err.println("[sagsspor test infrastructure] could not stop PostgreSQL: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }

    static Optional<Path> findBinaries() {
        String configured = System.getenv(BIN_DIR);
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(LocalPostgresCluster::hasServer);
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(version -> version.resolve("bin"))
                        .filter(LocalPostgresCluster::hasServer)
                        .max(Comparator.comparingInt(LocalPostgresCluster::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException ignored) {
                // fall through to PATH
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(entry -> !entry.isBlank())
                .map(Path::of)
                .filter(LocalPostgresCluster::hasServer)
                .findFirst();
    }

    private static boolean hasServer(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"));
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return id.waitFor() == 0 && uid.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void run(boolean asPostgres, String... command) {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", line) + " could not run", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", line), e);
        }
    }
}
