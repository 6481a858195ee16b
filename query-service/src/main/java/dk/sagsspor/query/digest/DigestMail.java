package dk.sagsspor.query.digest;

import dk.sagsspor.query.delivery.Mails;
import dk.sagsspor.query.digest.Digest.DigestChange;
import dk.sagsspor.query.digest.Digest.DigestFollowUp;
import dk.sagsspor.query.digest.Digest.DigestItem;
import jakarta.mail.MessagingException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes and sends a digest mail, in Danish plain text, from the same {@link Digest} the API answers with. Its
 * Message-ID is derived from the digest's row, so a mail sent again after a crash (between the SMTP server's
 * acceptance and the record of it) is recognisably the same message.
 */
@Component
class DigestMail {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d. MMMM yyyy", DANISH);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("d. MMMM yyyy 'kl.' HH.mm", DANISH);

    private final JavaMailSender sender;
    private final DigestProperties properties;

    DigestMail(JavaMailSender sender, DigestProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    void send(DigestDelivery delivery, Digest digest, String email) throws MessagingException {
        Mails.send(
                sender,
                new Mails.Letter(
                        properties.mailFrom(),
                        email,
                        digest.name(),
                        subject(digest),
                        body(digest),
                        "<" + delivery.id() + ".digest@" + properties.mailDomain() + ">",
                        Map.of("X-Sagsspor-Digest", delivery.id())));
    }

    static String subject(Digest digest) {
        List<String> parts = new ArrayList<>();
        long overdue = digest.overdue();
        if (overdue > 0) {
            parts.add(count(overdue, "overskreden frist", "overskredne frister"));
        }
        long upcoming = digest.followUps().size() - overdue;
        if (upcoming > 0) {
            parts.add(count(upcoming, "kommende frist", "kommende frister"));
        }
        if (!digest.outstandingItems().isEmpty()) {
            parts.add(count(digest.outstandingItems().size(), "sag i gang", "sager i gang"));
        }
        if (!digest.changes().isEmpty()) {
            parts.add(count(digest.changes().size(), "ændring", "ændringer"));
        }
        return "Ugens overblik, uge " + weekNumber(digest) + ": "
                + (parts.isEmpty() ? "intet nyt" : String.join(", ", parts));
    }

    static String body(Digest digest) {
        StringBuilder text = new StringBuilder();
        text.append("Kære ").append(digest.name()).append("\n\n");
        text.append("Her er dit overblik over dine frister og sager i Sagsspor for uge ")
                .append(weekNumber(digest))
                .append(".\n\n");
        List<DigestFollowUp> overdue =
                digest.followUps().stream().filter(DigestFollowUp::overdue).toList();
        List<DigestFollowUp> upcoming =
                digest.followUps().stream().filter(f -> !f.overdue()).toList();
        if (!overdue.isEmpty()) {
            heading(text, "Overskredne frister (" + overdue.size() + ")");
            overdue.forEach(f -> followUp(text, f));
            text.append('\n');
        }
        if (!upcoming.isEmpty()) {
            heading(text, "Kommende frister (" + upcoming.size() + ")");
            upcoming.forEach(f -> followUp(text, f));
            text.append('\n');
        }
        if (digest.followUps().isEmpty()) {
            text.append("Du har ingen åbne opfølgninger.\n\n");
        }
        if (!digest.outstandingItems().isEmpty()) {
            heading(
                    text,
                    "Sager, du er sagsbehandler på, som ikke er afsluttet ("
                            + digest.outstandingItems().size() + ")");
            digest.outstandingItems().forEach(i -> item(text, i));
            text.append('\n');
        }
        heading(
                text,
                "Ændringer siden " + MOMENT.format(digest.changesAfter()) + " ("
                        + digest.changes().size() + ")");
        if (digest.changes().isEmpty()) {
            text.append("Ingen ændringer i dine sager.\n\n");
        } else {
            // by item, not by title: items of a series often share theirs ("Godkendelse af referat")
            Map<String, List<DigestChange>> byItem = new LinkedHashMap<>();
            digest.changes()
                    .forEach(c -> byItem.computeIfAbsent(c.agendaItem(), id -> new ArrayList<>())
                            .add(c));
            byItem.forEach((id, changes) -> {
                text.append("- ").append(changes.getFirst().agendaItemName()).append('\n');
                changes.forEach(c -> text.append("    ")
                        .append(MOMENT.format(c.recorded()))
                        .append(c.actor() == null ? "" : ", " + c.actor())
                        .append(": ")
                        .append(c.summary())
                        .append('\n'));
            });
            text.append('\n');
        }
        text.append("Overblikket sendes hver uge. Vil du ikke have det, kan du framelde det i Sagsspor")
                .append(" (PUT /api/digests/")
                .append(digest.initials())
                .append("/subscription med {\"subscribed\": false}) eller bede sekretariatet om det.\n\n");
        text.append("Denne besked er sendt automatisk af Sagsspor.\n");
        return text.toString();
    }

    private static int weekNumber(Digest digest) {
        return Week.parse(digest.week()).number();
    }

    private static void heading(StringBuilder text, String heading) {
        text.append(heading).append('\n').append("-".repeat(heading.length())).append('\n');
    }

    private static void followUp(StringBuilder text, DigestFollowUp f) {
        text.append("- ").append(SHORT_DAY.format(f.dueDate()));
        if (f.overdue()) {
            text.append(" (overskredet med ").append(days(-f.daysLeft())).append(')');
        } else if (f.daysLeft() == 0) {
            text.append(" (i dag)");
        } else {
            text.append(" (om ").append(days(f.daysLeft())).append(')');
        }
        text.append(": ").append(f.description()).append('\n');
        text.append("    ").append(f.agendaItemName()).append(", ").append(f.committee());
        if (f.reference() != null) {
            text.append(", ").append(f.reference());
        }
        text.append('\n');
    }

    private static void item(StringBuilder text, DigestItem i) {
        text.append("- ").append(i.name()).append(", ").append(i.committee());
        if (i.reference() != null) {
            text.append(", ").append(i.reference());
        }
        text.append('\n').append("    ").append(status(i));
        if (i.timesDeferred() > 0) {
            text.append(", udsat ").append(i.timesDeferred() == 1 ? "1 gang" : i.timesDeferred() + " gange");
        }
        if (i.openFollowUps() > 0) {
            text.append(", ").append(count(i.openFollowUps(), "åben opfølgning", "åbne opfølgninger"));
        }
        text.append('\n');
    }

    private static String status(DigestItem i) {
        String meeting = i.meetingStart() == null ? "" : " " + DAY.format(i.meetingStart());
        return switch (i.status()) {
            case "PROPOSED" -> "foreslået, endnu ikke på en dagsorden";
            case "SCHEDULED" -> "på dagsordenen til mødet" + meeting;
            case "DEFERRED" -> "udsat";
            case "DECIDED" -> "afgjort" + (meeting.isEmpty() ? "" : " på mødet" + meeting);
            case "WITHDRAWN" -> "trukket tilbage";
            default -> i.status().toLowerCase(Locale.ROOT);
        };
    }

    private static String days(long days) {
        return days == 1 ? "1 dag" : days + " dage";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
