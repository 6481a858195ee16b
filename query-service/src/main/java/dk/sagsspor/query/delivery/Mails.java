package dk.sagsspor.query.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.Map;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * A plain-text mail from Sagsspor, marked as sent automatically, with a Message-ID of the sender's choosing: derived
 * from what it delivers, so a mail sent again after a crash (between the SMTP server's acceptance and the record of
 * it) is recognisably the same message.
 */
public final class Mails {

    private Mails() {}

    /** A mail to one person; {@code headers} are added as they are ({@code X-Sagsspor-…}). */
    public record Letter(
            String from,
            String to,
            String toName,
            String subject,
            String text,
            String messageId,
            Map<String, String> headers) {}

    /** The domain part of an address, which ends the Message-IDs of the mails sent from it. */
    public static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1);
    }

    public static void send(JavaMailSender sender, Letter letter) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
        try {
            mail.setFrom(new InternetAddress(letter.from(), "Sagsspor", "UTF-8"));
            mail.setTo(new InternetAddress(letter.to(), letter.toName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        mail.setSubject(letter.subject());
        mail.setText(letter.text());
        // JavaMailSenderImpl keeps an explicitly set Message-ID
        message.setHeader("Message-ID", letter.messageId());
        message.setHeader("Auto-Submitted", "auto-generated");
        for (Map.Entry<String, String> header : letter.headers().entrySet()) {
            message.setHeader(header.getKey(), header.getValue());
        }
        sender.send(message);
    }
}
