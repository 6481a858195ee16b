package dk.sagsspor.command.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} on any {@code POST} under {@code /api}: the first request with a key is handled in one
 * database transaction together with the key, its request fingerprint and the response; a retry with the same key and
 * the same request gets the stored response (header {@code Idempotent-Replayed: true}) and records nothing; the same
 * key with another request (or from another user) is refused with 422. Only successful responses are kept: after a failure the key is free,
 * so a retry runs the request again. Concurrent requests with one key wait for each other on the key's row.
 *
 * <p>Acknowledged means durable: the response is held in a buffer until the transaction has committed. A commit that
 * fails (the database gone at that moment) is answered {@code 503} ({@link StorageUnavailable}) instead of the held
 * response; the key is then free or its request stored, and a retry with it gets the right answer either way.
 */
@Component
@Order(IdempotentRequests.AFTER_SECURITY)
class IdempotentRequests extends OncePerRequestFilter {

    /**
     * After Spring Security's filter chain (order -100): only an authenticated, authorised request may be replayed,
     * and the user is part of the fingerprint, so a key is never someone else's.
     */
    static final int AFTER_SECURITY = -90;

    private static final Logger log = LoggerFactory.getLogger(IdempotentRequests.class);

    static final String HEADER = "Idempotency-Key";
    private static final Pattern PLAUSIBLE = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;

    IdempotentRequests(JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        String key = request.getHeader(HEADER);
        if (!PLAUSIBLE.matcher(key).matches()) {
            ProblemDetail problem = problem(
                    HttpStatus.BAD_REQUEST,
                    "invalid-request",
                    "Invalid request",
                    "The request has 1 invalid field(s).");
            problem.setProperty(
                    "errors",
                    List.of(Map.of(
                            "field",
                            HEADER,
                            "message",
                            "must be 8 to 128 characters of letters, digits and ._:- (a UUID is ideal)")));
            write(response, HttpStatus.BAD_REQUEST, problem);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String fingerprint = fingerprint(request, body);
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(status -> {
                boolean first = jdbc.sql("""
                                insert into idempotent_request (idempotency_key, fingerprint, created_at)
                                values (:key, :fingerprint, now()) on conflict (idempotency_key) do nothing""")
                                .param("key", key)
                                .param("fingerprint", fingerprint)
                                .update()
                        == 1;
                if (!first) {
                    replay(key, fingerprint, recorded);
                    return;
                }
                try {
                    chain.doFilter(new ReplayableRequest(request, body), recorded);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (ServletException e) {
                    throw new IllegalStateException(e);
                }
                if (recorded.getStatus() >= 300) {
                    status.setRollbackOnly();
                } else {
                    jdbc.sql("""
                                    update idempotent_request
                                       set status = :status, location = :location, etag = :etag,
                                           content_type = :contentType, body = :body
                                     where idempotency_key = :key""")
                            .param("status", recorded.getStatus())
                            .param("location", recorded.getHeader("Location"))
                            .param("etag", recorded.getHeader("ETag"))
                            .param("contentType", recorded.getContentType())
                            .param("body", recorded.getContentAsByteArray())
                            .param("key", key)
                            .update();
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (TransactionException | DataAccessException e) {
            // The response is still in the buffer: the client has seen nothing, so it gets the truth instead.
            if (response.isCommitted()) {
                throw e;
            }
            log.warn("Request with Idempotency-Key {} not confirmed as stored: {}", key, e.getMessage());
            response.reset();
            StorageUnavailable.write(response, json);
            return;
        }
        // Only now, after the commit, does anything reach the client.
        recorded.copyBodyToResponse();
    }

    private void replay(String key, String fingerprint, HttpServletResponse response) {
        StoredResponse stored = jdbc.sql("""
                        select fingerprint, status, location, etag, content_type, body
                          from idempotent_request where idempotency_key = :key""")
                .param("key", key)
                .query((rs, n) -> new StoredResponse(
                        rs.getString("fingerprint"),
                        rs.getInt("status"),
                        rs.getString("location"),
                        rs.getString("etag"),
                        rs.getString("content_type"),
                        rs.getBytes("body")))
                .single();
        try {
            if (!stored.fingerprint().equals(fingerprint)) {
                writeProblem(
                        response,
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "idempotency-key-reused",
                        "Idempotency key reused",
                        "This Idempotency-Key was used for a different request; use a new key for a new request");
                return;
            }
            response.setStatus(stored.status());
            Optional.ofNullable(stored.location()).ifPresent(location -> response.setHeader("Location", location));
            Optional.ofNullable(stored.etag()).ifPresent(etag -> response.setHeader("ETag", etag));
            Optional.ofNullable(stored.contentType()).ifPresent(response::setContentType);
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.body() == null ? new byte[0] : stored.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record StoredResponse(
            String fingerprint, int status, String location, String etag, String contentType, byte[] body) {}

    private void writeProblem(HttpServletResponse response, HttpStatus status, String type, String title, String detail)
            throws IOException {
        write(response, status, problem(status, type, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(ProblemDetails.TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    private void write(HttpServletResponse response, HttpStatus status, ProblemDetail problem) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(request.getRequestURI().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(request.getRemoteUser()).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(String.valueOf(request.getHeader("If-Match")).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The request with its body read once and given again to the handler. */
    private static final class ReplayableRequest extends jakarta.servlet.http.HttpServletRequestWrapper {

        private final byte[] body;

        ReplayableRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            java.io.ByteArrayInputStream in = new java.io.ByteArrayInputStream(body);
            return new jakarta.servlet.ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(jakarta.servlet.ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}
