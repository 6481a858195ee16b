package dk.sagsspor.query.alert;

import dk.sagsspor.query.delivery.Mails;
import jakarta.mail.MessagingException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Writes and sends an alert mail, in Danish, to the follow-up's assignee. Its Message-ID is derived from the alert, so
 * a mail sent again after a crash (between the SMTP server's acceptance and the record of it) is recognisably the same
 * message.
 */
@Component
class AlertMail {

    static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE 'den' d. MMMM yyyy", DANISH);

    private final JavaMailSender sender;
    private final AlertProperties properties;

    AlertMail(JavaMailSender sender, AlertProperties properties) {
        this.sender = sender;
        this.properties = properties;
    }

    void send(Alert alert, FollowUpNow followUp, LocalDate today) throws MessagingException {
        Mails.send(
                sender,
                new Mails.Letter(
                        properties.mailFrom(),
                        followUp.email(),
                        followUp.name(),
                        subject(alert, followUp, today),
                        body(alert, followUp, today),
                        messageId(alert),
                        Map.of("X-Sagsspor-Alert", alert.id())));
    }

    String messageId(Alert alert) {
        return "<" + alert.id() + ".alert@" + properties.mailDomain() + ">";
    }

    static String subject(Alert alert, FollowUpNow followUp, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, alert.dueDate());
        String when;
        if (daysLeft < 0) {
            when = "Frist overskredet";
        } else if (daysLeft == 0) {
            when = "Frist i dag";
        } else if (daysLeft == 1) {
            when = "Frist i morgen";
        } else {
            when = "Frist om " + daysLeft + " dage";
        }
        return when + ": " + followUp.current().description();
    }

    static String body(Alert alert, FollowUpNow followUp, LocalDate today) {
        long daysLeft = ChronoUnit.DAYS.between(today, alert.dueDate());
        String due = DAY.format(alert.dueDate());
        StringBuilder text = new StringBuilder();
        text.append("Kære ").append(followUp.name()).append("\n\n");
        if (daysLeft < 0) {
            text.append("Fristen for opfølgningen \"")
                    .append(followUp.current().description())
                    .append("\" var ")
                    .append(due)
                    .append(". Den er overskredet med ")
                    .append(days(-daysLeft))
                    .append(".\n\n");
        } else {
            text.append("Opfølgningen \"")
                    .append(followUp.current().description())
                    .append("\" har frist ")
                    .append(due)
                    .append(daysLeft == 0 ? " – i dag" : daysLeft == 1 ? " – i morgen" : " – om " + days(daysLeft))
                    .append(".\n\n");
        }
        text.append("Dagsordenspunkt: ").append(followUp.current().title()).append('\n');
        text.append("Udvalg: ").append(followUp.current().committee()).append('\n');
        if (followUp.current().caseNumber() != null) {
            text.append("Sagsnummer: ").append(followUp.current().caseNumber()).append('\n');
        }
        if (followUp.current().source() != null) {
            text.append("Fra teksten: \"").append(followUp.current().source()).append("\"\n");
        }
        text.append("\nNår opgaven er løst, markeres opfølgningen som udført i Sagsspor.")
                .append(" Flyttes fristen, kommer der nye påmindelser.\n\n");
        text.append("Opfølgning: ").append(followUp.current().id()).append('\n');
        text.append("Dagsordenspunkt-id: ")
                .append(followUp.current().agendaItemId())
                .append("\n\n");
        text.append("Denne besked er sendt automatisk af Sagsspor.\n");
        return text.toString();
    }

    private static String days(long days) {
        return days == 1 ? "1 dag" : days + " dage";
    }
}
