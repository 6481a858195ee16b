package dk.sagsspor.command.carryover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dk.sagsspor.command.CommandApi;
import dk.sagsspor.command.CommandServiceApplication;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The carry-over process keeps its work across a stop and start of the service. */
class CarryOverRestartIT {

    static final String COMMITTEE = "KKR Restart";

    @Test
    void placesADeferredItemOnAMeetingScheduledAfterARestart() {
        String database = RealInfrastructure.postgres().createDatabase("command_restart");
        String item;
        try (ConfigurableApplicationContext first = start(database)) {
            CommandApi api = api(first);
            String meeting = api.scheduleMeeting(COMMITTEE, "2025-04-11T10:00");
            item = api.propose(COMMITTEE, "Orientering");
            api.schedule(item, meeting, "3.1");
            api.ok("/api/meetings/" + meeting + "/opening", "{}");
            api.ok("/api/meetings/" + meeting + "/closing", "{}");
            String deferred = item;
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(api.events(deferred)).last().isEqualTo("AgendaItemDeferred"));
        }

        try (ConfigurableApplicationContext second = start(database)) {
            CommandApi api = api(second);
            String next = api.scheduleMeeting(COMMITTEE, "2025-06-13T10:00");

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(api.events(item))
                            .isEqualTo(List.of(
                                    "AgendaItemProposed",
                                    "AgendaItemScheduled",
                                    "AgendaItemDeferred",
                                    "AgendaItemScheduled")));
            assertThat(api.lastPayload(item, "AgendaItemScheduled")).contains(next);
        }
    }

    private static ConfigurableApplicationContext start(String database) {
        List<String> arguments = new java.util.ArrayList<>(RealInfrastructure.arguments(database));
        arguments.add("--server.port=0");
        arguments.add("--sagsspor.carry-over.poll-interval=200ms");
        return new SpringApplicationBuilder(CommandServiceApplication.class).run(arguments.toArray(String[]::new));
    }

    private static CommandApi api(ConfigurableApplicationContext context) {
        int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
        return new CommandApi(port, context.getBean(JdbcClient.class));
    }
}
