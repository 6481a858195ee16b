package dk.sagsspor.query.meeting;

import java.util.List;

/**
 * A meeting's agenda or minutes as a secretariat sends them out and files them: the committee, the day, time and
 * place, and the numbered items under their sections with case numbers and officers — for minutes, with what became
 * of each item and the corrections made when they were approved.
 *
 * @param title "Dagsorden" or "Referat"
 * @param status a line that says which version this is ("Udsendt …", "Udkast – ikke udsendt", "Godkendt …")
 */
record MeetingDocument(
        String title,
        String committee,
        String day,
        String time,
        String place,
        String status,
        String cancellation,
        List<Section> sections,
        List<String> corrections) {

    /** The items under one section heading (none for lines without a section). */
    record Section(String heading, List<Line> lines) {}

    /**
     * One item: its number, title, case number and officers, the recommendation (Indstilling) and, in minutes, what
     * became of it ({@code outcome}, e.g. "Godkendt"; "Udsat til næste møde") and the decision's text.
     */
    record Line(
            String number,
            String title,
            String caseNumber,
            String officers,
            String recommendation,
            String outcome,
            String decision) {}
}
