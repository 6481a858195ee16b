package dk.sagsspor.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP link between a service and a real server (PostgreSQL, Kafka) that a test can cut and mend, for network faults
 * without stopping a server other tests share: {@link #cut()} resets every open connection and every new one until
 * {@link #mend()}. The server stays real; only the wire between fails, as when a database host becomes unreachable.
 */
public final class CuttableLink implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private CuttableLink(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("cuttable-link-" + port(), this::accept);
    }

    /** A link to the host and port of a JDBC URL ({@code jdbc:postgresql://host:port/db?…}). */
    public static CuttableLink toJdbcUrl(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        return to(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort());
    }

    public static CuttableLink to(String host, int port) {
        try {
            return new CuttableLink(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same JDBC URL, through this link. */
    public String jdbcUrlThrough(String jdbcUrl) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String authority = uri.getRawAuthority();
        return jdbcUrl.replaceFirst(java.util.regex.Pattern.quote(authority), "127.0.0.1:" + port());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Resets every open connection; new ones are reset as soon as they arrive. */
    public void cut() {
        cut = true;
        open.forEach(CuttableLink::reset);
        open.clear();
    }

    /** Lets connections through again. */
    public void mend() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            if (cut) {
                reset(client);
                continue;
            }
            try {
                Socket server = new Socket();
                server.connect(target, 5_000);
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                reset(client);
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        daemon("cuttable-link-pipe", () -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream();
                    OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side went away, or the link was cut
            } finally {
                reset(from);
                reset(to);
                open.remove(from);
                open.remove(to);
            }
        });
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
