package dk.sagsspor.query.meeting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import dk.sagsspor.events.agendaitem.DecisionOutcome;
import dk.sagsspor.query.agendaitem.AgendaItemReadModel;
import dk.sagsspor.query.meeting.MeetingDocument.Line;
import dk.sagsspor.query.meeting.MeetingDocument.Section;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.NotFound;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A meeting's agenda and minutes as documents, in HTML and PDF: what a secretariat sends out and files. The agenda is
 * the one sent out (as of its publication) unless {@code asOf} names another instant; before it is sent out, the draft.
 * The minutes are the meeting as it stands: what became of each item, the decisions' texts, the corrections made at
 * their approval. Items closed to the reader are left out, as everywhere.
 */
@RestController
@RequestMapping("/api/meetings")
@Tag(name = "Meetings", description = "Meetings of the committees and their agendas.")
class MeetingDocuments {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm", DANISH);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", DANISH);
    private static final MediaType PDF = MediaType.APPLICATION_PDF;

    private final ITemplateEngine templates;
    private final Clock clock;
    private final MeetingReadModel readModel;

    MeetingDocuments(ITemplateEngine templates, Clock clock, MeetingReadModel readModel) {
        this.readModel = readModel;
        this.templates = templates;
        this.clock = clock;
    }

    @Operation(summary = "The agenda as HTML: as sent out, or as it stood at asOf; the draft before it is sent out")
    @GetMapping(value = "/{id}/agenda.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> agendaHtml(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return html(agenda(id, asOf));
    }

    @Operation(summary = "The agenda as PDF: as sent out, or as it stood at asOf; the draft before it is sent out")
    @GetMapping(value = "/{id}/agenda.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> agendaPdf(@PathVariable String id, @RequestParam(required = false) String asOf) {
        return pdf(agenda(id, asOf), "dagsorden");
    }

    @Operation(summary = "The minutes as HTML: decisions, what became of each item, corrections at approval")
    @GetMapping(value = "/{id}/minutes.html", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> minutesHtml(@PathVariable String id) {
        return html(minutes(id));
    }

    @Operation(summary = "The minutes as PDF: decisions, what became of each item, corrections at approval")
    @GetMapping(value = "/{id}/minutes.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> minutesPdf(@PathVariable String id) {
        return pdf(minutes(id), "referat");
    }

    private MeetingDocument agenda(String id, String asOfText) {
        Instant asked = DanishDays.asOf(asOfText, clock);
        Instant at = asked;
        if (at == null) {
            // the agenda as it was sent out, if it was
            at = readModel
                    .agendaPublishedAt(id)
                    .orElseThrow(() -> new NotFound("meeting", id))
                    .orElse(null);
        }
        Map<String, Object> meeting = meeting(id, at, asked);
        String status;
        if (asked != null) {
            status = "Som dagsordenen så ud " + stamp(asked);
        } else if (meeting.get("agenda_published_at") instanceof Timestamp published) {
            status = "Udsendt " + stamp(published.toInstant());
        } else {
            status = "Udkast – ikke udsendt";
        }
        return document("Dagsorden", meeting, status, lines(id, at, false), List.of());
    }

    private MeetingDocument minutes(String id) {
        Map<String, Object> meeting = meeting(id, null, null);
        String state = (String) meeting.get("state");
        String status = switch (state) {
            case "CLOSED" ->
                Boolean.TRUE.equals(meeting.get("minutes_approved"))
                        ? "Referatet er godkendt"
                        : "Referatet er ikke godkendt endnu";
            case "CANCELLED" -> "Mødet blev aflyst";
            default -> "Foreløbigt referat: mødet er ikke afsluttet";
        };
        List<String> corrections =
                meeting.get("minutes_corrections") instanceof Array array ? corrections(array) : List.of();
        return document("Referat", meeting, status, lines(id, null, true), corrections);
    }

    private Map<String, Object> meeting(String id, Instant at, Instant asked) {
        return readModel
                .row(id, at)
                .orElseThrow(() -> asked == null ? new NotFound("meeting", id) : NotFound.asOf("meeting", id, asked));
    }

    private MeetingDocument document(
            String title,
            Map<String, Object> meeting,
            String status,
            List<Section> sections,
            List<String> corrections) {
        ZonedDateTime start = ((Timestamp) meeting.get("start_at")).toInstant().atZone(DanishDays.DENMARK);
        String time = null;
        if (!Boolean.TRUE.equals(meeting.get("day_only"))) {
            time = "kl. " + TIME.format(start);
            if (meeting.get("end_at") instanceof Timestamp end) {
                time += "–" + TIME.format(end.toInstant().atZone(DanishDays.DENMARK));
            }
        }
        return new MeetingDocument(
                title,
                (String) meeting.get("committee"),
                DAY.format(start),
                time,
                (String) meeting.get("location"),
                status,
                "CANCELLED".equals(meeting.get("state")) ? (String) meeting.get("cancellation") : null,
                sections,
                corrections);
    }

    /** The agenda's lines at the instant (now when null), in order, grouped under their section headings. */
    private List<Section> lines(String meetingId, Instant at, boolean withOutcomes) {
        List<Section> sections = new ArrayList<>();
        for (MeetingReadModel.Line line :
                readModel.agendas(List.of(meetingId), at).getOrDefault(meetingId, List.of())) {
            String heading = line.section();
            if (sections.isEmpty() || !Objects.equals(sections.getLast().heading(), heading)) {
                sections.add(new Section(heading, new ArrayList<>()));
            }
            AgendaItemReadModel.OnAgenda item = line.item();
            String status = item.status();
            sections.getLast()
                    .lines()
                    .add(new Line(
                            line.number(),
                            item.title(),
                            item.caseNumber(),
                            item.caseOfficers().isEmpty() ? null : String.join("/", item.caseOfficers()),
                            item.recommendation(),
                            withOutcomes ? outcome(status, item.outcome()) : null,
                            withOutcomes && "DECIDED".equals(status) ? item.resolutionText() : null));
        }
        return sections;
    }

    /** What became of an item at the meeting, in the minutes' words. */
    private static String outcome(String status, String outcome) {
        if (status == null) {
            return "Ikke behandlet";
        }
        return switch (status) {
            case "DECIDED" ->
                outcome == null ? "Besluttet" : DecisionOutcome.valueOf(outcome).danish();
            case "DEFERRED" -> "Udsat til et senere møde";
            case "WITHDRAWN" -> "Trukket";
            case "DISCUSSED" -> "Drøftet";
            default -> "Ikke behandlet";
        };
    }

    private static List<String> corrections(Array array) {
        try {
            return List.of((String[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stamp(Instant instant) {
        return STAMP.format(instant.atZone(DanishDays.DENMARK));
    }

    private String render(MeetingDocument document) {
        Context context = new Context(DANISH);
        context.setVariable("document", document);
        return templates.process("documents/meeting", context);
    }

    private ResponseEntity<String> html(MeetingDocument document) {
        return ResponseEntity.ok()
                .contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .body(render(document));
    }

    private ResponseEntity<byte[]> pdf(MeetingDocument document, String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(render(document), null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .contentType(PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(name + ".pdf")
                                .build()
                                .toString())
                .body(out.toByteArray());
    }
}
