package dk.sagsspor.query.agendaitem;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An agenda item as staff read it. Field names follow OParl where it has one: {@code name} is the title,
 * {@code reference} the case number, {@code created}/{@code modified} the first and last change, {@code public} false
 * for a closed item, {@code meeting} the meeting it is on (or was decided at), {@code result} the decision's outcome
 * and {@code resolutionText} its text. {@code incomplete} names the read models that miss events of this item (records
 * they could not apply, see {@code /api/admin/dead-letters}); empty when the answer is complete.
 */
record AgendaItem(
        String id,
        String committee,
        String name,
        @Nullable String reference,
        List<String> caseOfficers,
        @Nullable String background,
        @Nullable String recommendation,
        @Nullable String presentation,
        List<String> attachments,
        String status,
        long version,
        Instant created,
        @Nullable String createdBy,
        Instant modified,

        @com.fasterxml.jackson.annotation.JsonProperty("public")
        boolean isPublic,

        @Nullable String meeting,
        @Nullable String result,
        @Nullable String resolutionText,
        int timesDeferred,
        int timesMoved,
        List<String> incomplete) {

    AgendaItem withIncomplete(List<String> readModels) {
        return new AgendaItem(
                id,
                committee,
                name,
                reference,
                caseOfficers,
                background,
                recommendation,
                presentation,
                attachments,
                status,
                version,
                created,
                createdBy,
                modified,
                isPublic,
                meeting,
                result,
                resolutionText,
                timesDeferred,
                timesMoved,
                List.copyOf(readModels));
    }
}
