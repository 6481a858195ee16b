package dk.sagsspor.query.agendaitem;

import java.time.Instant;
import java.util.List;

/**
 * An agenda item as staff read it. Field names follow OParl where it has one: {@code name} is the title,
 * {@code reference} the case number, {@code created}/{@code modified} the first and last change.
 */
record AgendaItem(
        String id,
        String committee,
        String name,
        String reference,
        List<String> caseOfficers,
        String background,
        String recommendation,
        String presentation,
        List<String> attachments,
        String status,
        long version,
        Instant created,
        String createdBy,
        Instant modified) {}
