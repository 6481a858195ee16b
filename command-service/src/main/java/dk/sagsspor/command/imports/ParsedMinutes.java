package dk.sagsspor.command.imports;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the importer read in a document of minutes, before importing anything: the dry run's answer.
 *
 * @param committee e.g. "KKR Nordjylland"
 * @param meetingDate the meeting's day
 * @param meetingTime when it began (Danish time), if the document says
 * @param meetingEnd when it ended (Danish time), if the document says ("kl. 10.00 - 12.30")
 * @param location where it was held, if the document says
 * @param participants who took part, in the document's order
 * @param absent who sent apologies (afbud)
 * @param items the agenda items, in order
 * @param nextMeeting the next meeting's date and the items expected there, if the minutes announce it
 * @param deadlines dated deadlines found in the items' texts
 * @param undertakings what the decisions ask for, or promise, at a later meeting — offered to the secretariat as
 *     promises for the next meeting, not imported as such
 * @param unplaced every line of text that was read into nothing above (page furniture — headers, page numbers,
 *     footnote addresses, the table of contents — excepted), so that nothing is lost unseen
 * @param warnings what could not be read with certainty
 */
public record ParsedMinutes(
        @Nullable String committee,
        @Nullable LocalDate meetingDate,
        @Nullable LocalTime meetingTime,
        @Nullable LocalTime meetingEnd,
        @Nullable String location,
        List<Participant> participants,
        List<Participant> absent,
        List<Item> items,
        @Nullable NextMeeting nextMeeting,
        List<Deadline> deadlines,
        List<Undertaking> undertakings,
        List<UnplacedLine> unplaced,
        List<String> warnings) {

    /** A member: "Lasse Frimand Jensen (A) Aalborg Kommune", with a note such as "suppleant for …". */
    public record Participant(
            String name,
            String party,
            @Nullable String municipality,
            @Nullable String note) {}

    /**
     * An agenda item: its number ("3.1"), the section it stands under, the title (wrapped lines joined), the case
     * number and the officers' initials, the four parts of the text, each null when absent or empty, and the
     * attachments the item lists under "Bilag", a line each.
     */
    public record Item(
            String number,
            @Nullable String section,
            String title,
            String caseNumber,
            List<String> officers,
            @Nullable String background,
            @Nullable String recommendation,
            @Nullable String presentation,
            @Nullable String decision,
            List<String> attachments) {}

    /** "Næste møde … afholdes den 20. juni 2025", with the items it lists as expected. */
    public record NextMeeting(@Nullable LocalDate date, List<String> expectedItems) {}

    /**
     * A line the importer could not place: its number in the document's text (from 1), the line, and where it stands
     * ("before the first item", "after item 4.2").
     */
    public record UnplacedLine(int line, String text, String where) {}

    /** A dated deadline, the sentence it is in, and the item it is in. */
    public record Deadline(LocalDate date, String quote, String itemNumber) {}

    /** An undertaking in a decision: the sentence, the item whose decision it is in, the pattern that found it. */
    public record Undertaking(String quote, String itemNumber, String pattern) {}
}
