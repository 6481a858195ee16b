package dk.sagsspor.command.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The arithmetic of the hash chain, in a form anyone can redo with standard tools (docs/audit.md shows how with
 * {@code printf} and {@code sha256sum}):
 *
 * <ul>
 *   <li>an event's <b>content hash</b> is the SHA-256 of the UTF-8 text of eleven lines joined by {@code \n} (no line
 *       break at the end): {@code sagsspor-chain-v1}, the global index, the event identifier, the aggregate type, the
 *       aggregate identifier, the sequence number, the payload type, the payload revision (empty if none), the
 *       timestamp as stored, the SHA-256 of the payload's bytes, the SHA-256 of the metadata's bytes (of no bytes if
 *       none) — every hash in lower-case hex;
 *   <li>an event's <b>link</b> is the SHA-256 of the text {@code <previous link>:<content hash>}; the link before the
 *       first event is 64 zeros ({@link #GENESIS}).
 * </ul>
 */
public final class ChainLinks {

    /** The link before the first event. */
    public static final String GENESIS = "0".repeat(64);

    static final String VERSION = "sagsspor-chain-v1";

    private static final HexFormat HEX = HexFormat.of();

    private ChainLinks() {}

    /** One stored event, as the event store holds it. */
    public record StoredEvent(
            long globalIndex,
            String eventIdentifier,
            String aggregateType,
            String aggregateIdentifier,
            long sequenceNumber,
            String payloadType,
            String payloadRevision,
            String timestamp,
            byte[] payload,
            byte[] metaData) {}

    /**
     * The arithmetic, for one thread: one digest, used again for every hash (a chain or a verification of a million
     * events spends its time here).
     */
    public static final class Hasher {

        private final MessageDigest digest;

        public Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }

        /** The event's content hash. */
        public String contentHash(StoredEvent event) {
            String text = String.join(
                    "\n",
                    VERSION,
                    Long.toString(event.globalIndex()),
                    event.eventIdentifier(),
                    nullToEmpty(event.aggregateType()),
                    event.aggregateIdentifier(),
                    Long.toString(event.sequenceNumber()),
                    event.payloadType(),
                    nullToEmpty(event.payloadRevision()),
                    event.timestamp(),
                    sha256(event.payload() == null ? new byte[0] : event.payload()),
                    sha256(event.metaData() == null ? new byte[0] : event.metaData()));
            return sha256(text.getBytes(StandardCharsets.UTF_8));
        }

        /** The link that follows {@code previous} for an event of this content hash. */
        public String link(String previous, String contentHash) {
            return sha256((previous + ":" + contentHash).getBytes(StandardCharsets.US_ASCII));
        }

        String sha256(byte[] bytes) {
            return HEX.formatHex(digest.digest(bytes));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
