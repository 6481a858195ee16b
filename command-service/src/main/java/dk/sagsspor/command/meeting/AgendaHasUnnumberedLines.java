package dk.sagsspor.command.meeting;

import dk.sagsspor.command.RuleViolation;
import java.util.List;

/** An agenda is sent out numbered: a line without a number (a carried-over item arrives without one) stops it. */
public class AgendaHasUnnumberedLines extends RuleViolation {

    AgendaHasUnnumberedLines(String meetingId, List<String> agendaItemIds) {
        super("Meeting " + meetingId + " cannot publish its agenda: " + agendaItemIds.size()
                + (agendaItemIds.size() == 1 ? " line has" : " lines have") + " no number (agenda items "
                + String.join(", ", agendaItemIds) + "); number them with PATCH /api/meetings/" + meetingId
                + "/agenda/{agendaItemId} first");
    }
}
