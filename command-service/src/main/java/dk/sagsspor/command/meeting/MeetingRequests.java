package dk.sagsspor.command.meeting;

import dk.sagsspor.command.web.CopenhagenTime;
import dk.sagsspor.command.web.InvalidRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** The bodies of the requests on meetings. Times are {@code 2025-04-11T10:00} (Danish time) or with an offset. */
final class MeetingRequests {

    private MeetingRequests() {}

    record Schedule(
            @NotBlank @Size(max = 200) String committee,
            @NotBlank String start,
            String end,
            @NotBlank @Size(max = 500) String location) {}

    record Reschedule(
            @NotBlank String start,
            String end,
            @NotBlank @Size(max = 500) String location,
            @Size(max = 2000) String reason) {}

    record Cancellation(@NotBlank @Size(max = 2000) String reason) {}

    record MinutesApproval(@Size(max = 200) List<@NotBlank @Size(max = 10_000) String> corrections) {}

    /** A merge patch of an agenda line: a part absent stays, a part set to null is cleared. */
    record AgendaPlacement(
            @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){0,3}", message = "must be an agenda number like 3 or 3.1")
            @Nullable
            String number,

            @Size(max = 200) @Nullable String section) {}

    /** What the minutes promise for the next meeting: its day, if they give one, and the titles expected there. */
    record NextAgendaPromise(
            java.time.LocalDate nextMeetingDate,
            @NotEmpty @Size(max = 100) List<@NotBlank @Size(max = 1000) String> expectedItems) {}

    /** An undertaking of one of the meeting's decisions, accepted under a title (required then) or dismissed. */
    record UndertakingReview(
            @NotBlank @Size(max = 100) String agendaItemId,
            @NotBlank @Size(max = 4000) String quote,
            @jakarta.validation.constraints.NotNull Boolean accepted,
            @Size(max = 1000) String title) {}

    record AgendaOrder(@NotEmpty List<@NotBlank String> agendaItemIds) {}

    /** Start and end as instants; the end, if given, after the start. */
    record Times(Instant start, Instant end) {
        static Times of(String start, String end) {
            Times times = new Times(CopenhagenTime.parse("start", start), CopenhagenTime.parse("end", end));
            if (times.end() != null && !times.end().isAfter(times.start())) {
                throw new InvalidRequest("end", "must be after start");
            }
            return times;
        }
    }
}
