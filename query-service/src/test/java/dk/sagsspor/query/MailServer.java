package dk.sagsspor.query;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a port of its own, for the services a test starts to mail to: stopped and started
 * again on the same port to play an SMTP relay that is away, and asked what reached an address.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail smtp;

    private MailServer(int port) {
        this.port = port;
    }

    /** A server on a free port, started. */
    public static MailServer start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            MailServer server = new MailServer(socket.getLocalPort());
            socket.close();
            server.resume();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    /** Starts again after {@link #close()}, on the same port. */
    public void resume() {
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @Override
    public void close() {
        smtp.stop();
    }

    /** The mails received for an address, in the order they arrived. */
    public List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages())
                .filter(mail -> {
                    try {
                        return mail.getRecipients(Message.RecipientType.TO)[0]
                                .toString()
                                .contains(address);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }

    /** The mails for an address once there are at least {@code count} of them. */
    public List<MimeMessage> awaitMails(String address, int count, Duration patience) {
        return await().atMost(patience).until(() -> mailsTo(address), mails -> mails.size() >= count);
    }

    public static String messageId(MimeMessage mail) {
        try {
            return mail.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail's text with the line ends it was written with (SMTP carries CRLF). */
    public static String text(MimeMessage mail) {
        try {
            return ((String) mail.getContent()).replace("\r\n", "\n");
        } catch (IOException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
