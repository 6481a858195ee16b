package dk.sagsspor.command.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.RealInfrastructure;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring Security's observations of every filter of its chain are switched off (a tenth of the command service's CPU
 * samples under load); the HTTP request observations that feed {@code http_server_requests} stay.
 */
@SpringBootTest
class ObservationsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "command");
    }

    @Autowired
    ObservationRegistry observations;

    @Test
    void securityFilterChainIsNotObserved() {
        Observation observation = Observation.start("spring.security.filterchains", observations);
        assertThat(observation.isNoop()).isTrue();
        observation.stop();
    }

    @Test
    void httpRequestsAreStillObserved() {
        Observation observation = Observation.start("http.server.requests", observations);
        assertThat(observation.isNoop()).isFalse();
        observation.stop();
    }
}
