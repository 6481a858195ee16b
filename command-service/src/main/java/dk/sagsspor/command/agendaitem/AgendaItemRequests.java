package dk.sagsspor.command.agendaitem;

import dk.sagsspor.command.web.InvalidRequest;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Arrays;

/** The bodies of the lifecycle requests on an agenda item. */
final class AgendaItemRequests {

    private AgendaItemRequests() {}

    /**
     * Where to put the item: a meeting of its committee, and optionally its number ("3.1") and section on the agenda.
     */
    record Scheduling(
            @NotBlank String meetingId,

            @Pattern(regexp = "\\d{1,3}(\\.\\d{1,3}){0,3}", message = "must be an agenda number like 3 or 3.1")
            String number,

            @Size(max = 200) String section) {}

    record Discussion(@NotBlank @Size(max = 100_000) String notes) {}

    record Decision(
            @NotBlank String outcome,
            @NotBlank @Size(max = 100_000) String text) {
        DecisionOutcome parsedOutcome() {
            return parseOutcome(outcome);
        }
    }

    record DecisionCorrection(
            @NotBlank String outcome,
            @NotBlank @Size(max = 100_000) String text,
            @NotBlank @Size(max = 2000) String reason) {
        DecisionOutcome parsedOutcome() {
            return parseOutcome(outcome);
        }
    }

    /** To the next meeting of the committee, or to the named one. */
    record Deferral(@NotBlank @Size(max = 2000) String reason, String toMeetingId) {}

    record Withdrawal(@NotBlank @Size(max = 2000) String reason) {}

    static DecisionOutcome parseOutcome(String text) {
        try {
            return DecisionOutcome.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("outcome", "must be one of " + Arrays.toString(DecisionOutcome.values()));
        }
    }
}
