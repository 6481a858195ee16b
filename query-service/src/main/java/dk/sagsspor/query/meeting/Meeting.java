package dk.sagsspor.query.meeting;

import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A meeting as staff read it, in OParl's words where it has them: {@code meetingState}, {@code cancelled},
 * {@code start}, {@code end} (Danish time), {@code location}, and {@code agendaItem} in agenda order. A meeting known
 * by its day only ({@code dayOnly}: minutes that give no time of day) starts at the beginning of that day and has no
 * end. {@code minutesCorrections} are the corrections made when the minutes were approved, in their words. A line's
 * {@code status} is what became of the item at this meeting: {@code SCHEDULED}, {@code DISCUSSED},
 * {@code DECIDED} (with {@code result}), {@code DEFERRED} or {@code WITHDRAWN}.
 */
record Meeting(
        String id,
        String committee,
        String meetingState,
        boolean cancelled,
        @Nullable String cancellation,
        OffsetDateTime start,
        @Nullable OffsetDateTime end,
        boolean dayOnly,
        @Nullable String location,
        boolean agendaPublished,
        @Nullable OffsetDateTime agendaPublishedAt,
        boolean minutesApproved,
        List<String> minutesCorrections,
        long version,
        List<AgendaLine> agendaItem,
        List<String> incomplete) {

    /** The meeting with the read models that miss some of its events (empty when complete). */
    Meeting withIncomplete(List<String> readModels) {
        return with(agendaItem, List.copyOf(readModels));
    }

    /** The meeting with its agenda's lines. */
    Meeting withAgenda(List<AgendaLine> lines) {
        return with(List.copyOf(lines), incomplete);
    }

    private Meeting with(List<AgendaLine> lines, List<String> readModels) {
        return new Meeting(
                id,
                committee,
                meetingState,
                cancelled,
                cancellation,
                start,
                end,
                dayOnly,
                location,
                agendaPublished,
                agendaPublishedAt,
                minutesApproved,
                minutesCorrections,
                version,
                lines,
                readModels);
    }

    /** One line of the agenda: OParl's {@code number}, {@code order}, {@code name}, {@code result}, {@code public}. */
    record AgendaLine(
            String id,
            @Nullable String number,
            int order,
            @Nullable String section,
            @Nullable String name,
            String status,
            @Nullable String result,

            @com.fasterxml.jackson.annotation.JsonProperty("public") @Nullable
            Boolean isPublic) {}
}
