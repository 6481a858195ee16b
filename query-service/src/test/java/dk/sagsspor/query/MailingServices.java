package dk.sagsspor.query;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two whole query services of a world, on a test's clock, that mail to a real SMTP server of their own: what the
 * alerts' and the digests' tests run against (two instances, as production runs them; one of them restarted at will).
 */
public final class MailingServices implements AutoCloseable {

    private final MailServer smtp;
    private final Clock clock;
    private final Map<String, Object> settings;
    private QueryServiceInstance first;
    private QueryServiceInstance second;

    private MailingServices(MailServer smtp, Clock clock, Map<String, Object> settings) {
        this.smtp = smtp;
        this.clock = clock;
        this.settings = settings;
    }

    /** Starts the SMTP server and both services, with the world's settings and the test's own. */
    public static MailingServices start(World world, Clock clock, Map<String, Object> own) {
        MailServer smtp = MailServer.start();
        Map<String, Object> settings = new LinkedHashMap<>(world.properties());
        settings.put("spring.mail.port", smtp.port());
        settings.put("spring.mail.properties[mail.smtp.connectiontimeout]", 2000);
        settings.put("sagsspor.projection.retry-attempts", 1);
        settings.putAll(own);
        MailingServices services = new MailingServices(smtp, clock, settings);
        services.first = QueryServiceInstance.start(clock, settings);
        services.second = QueryServiceInstance.start(clock, settings);
        return services;
    }

    public MailServer smtp() {
        return smtp;
    }

    public QueryServiceInstance first() {
        return first;
    }

    public QueryServiceInstance second() {
        return second;
    }

    /** Stops the second service and starts another in its place. */
    public QueryServiceInstance restartSecond() {
        second.close();
        second = QueryServiceInstance.start(clock, settings);
        return second;
    }

    @Override
    public void close() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        smtp.close();
    }
}
