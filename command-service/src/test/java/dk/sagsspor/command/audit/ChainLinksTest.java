package dk.sagsspor.command.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.command.audit.ChainLinks.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chain's arithmetic is what docs/audit.md says an auditor can redo with standard tools: the expected hashes below
 * were computed with {@code printf} and {@code sha256sum} (coreutils), as the document shows, not with this code.
 */
class ChainLinksTest {

    static final ChainLinks.Hasher HASHER = new ChainLinks.Hasher();

    static final StoredEvent EVENT = new StoredEvent(
            7,
            "e-7",
            "AgendaItem",
            "a1",
            0,
            "dk.sagsspor.events.agendaitem.AgendaItemProposed",
            "2",
            "2025-06-12T08:00:00Z",
            "{\"agendaItemId\":\"a1\"}".getBytes(StandardCharsets.UTF_8),
            "{\"actor\":\"hast\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void anEventsContentHashIsTheOneSha256sumGives() {
        assertThat(HASHER.contentHash(EVENT))
                .isEqualTo("5ec5551d38da1703dc4514a09af4db7cf322367e133907b5c0f82ee2d01b69d6");
    }

    @Test
    void aLinkHashesThePreviousLinkWithTheContentHash() {
        assertThat(HASHER.link(ChainLinks.GENESIS, HASHER.contentHash(EVENT)))
                .isEqualTo("d0eb489e22260cbbeb3aaf66d839a8f6dcbe6cad71f5eae19da69ed6a178964b");
    }

    @Test
    void anyChangeOfAnyPartChangesTheContentHash() {
        byte[] payload = EVENT.payload().clone();
        payload[payload.length - 2] = 'b';

        assertThat(List.of(
                        variant(7, "2", payload, EVENT.metaData()),
                        variant(8, "2", EVENT.payload(), EVENT.metaData()),
                        variant(7, null, EVENT.payload(), EVENT.metaData()),
                        variant(7, "2", EVENT.payload(), null)))
                .extracting(HASHER::contentHash)
                .doesNotContain(HASHER.contentHash(EVENT))
                .doesNotHaveDuplicates();
    }

    private static StoredEvent variant(long globalIndex, String revision, byte[] payload, byte[] metaData) {
        return new StoredEvent(
                globalIndex,
                "e-7",
                "AgendaItem",
                "a1",
                0,
                EVENT.payloadType(),
                revision,
                EVENT.timestamp(),
                payload,
                metaData);
    }
}
