package dk.sagsspor.command.eventstore;

import dk.sagsspor.events.agendaitem.AgendaItemProposed;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events as an older version of the service stored them, written straight into the event store. */
public final class OlderEvents {

    private OlderEvents() {}

    /** An {@code AgendaItemProposed} of version 1 (before {@code closedItem}), stored with no revision. */
    public static void storeVersionOneProposal(JdbcClient jdbc, String id, String title) {
        String v1 = """
                {"agendaItemId": "%s", "committee": "KKR Nordjylland", "title": "%s",
                 "caseNumber": null, "caseOfficers": [], "background": null, "recommendation": null,
                 "presentation": null, "attachments": []}""".formatted(id, title);
        jdbc.sql("""
                        insert into domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                                                      metadata, payload, payloadrevision, payloadtype, timestamp)
                        values (?, 0, 'AgendaItem', ?, convert_to('{}', 'UTF8'), convert_to(?, 'UTF8'), null, ?,
                                '2024-01-10T09:00:00Z')""")
                .params(id, UUID.randomUUID().toString(), v1, AgendaItemProposed.class.getName())
                .update();
    }
}
