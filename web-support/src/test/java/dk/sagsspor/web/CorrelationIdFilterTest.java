package dk.sagsspor.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class CorrelationIdFilterTest {

    private final CorrelationIdFilter filter = new CorrelationIdFilter();
    private final List<String> seenInTheLogs = new ArrayList<>();
    private final FilterChain chain = (request, response) -> seenInTheLogs.add(MDC.get(CorrelationIdFilter.MDC_KEY));

    @Test
    void keepsTheCallersCorrelationIdInTheLogsAndTheAnswer() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/agenda-items");
        request.addHeader(CorrelationIdFilter.HEADER, "secretariat-42");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, chain);

        assertThat(seenInTheLogs).containsExactly("secretariat-42");
        assertThat(response.getHeader(CorrelationIdFilter.HEADER)).isEqualTo("secretariat-42");
        assertThat(MDC.get(CorrelationIdFilter.MDC_KEY))
                .as("cleared after the request")
                .isNull();
    }

    @Test
    void givesARequestWithoutAPlausibleIdANewOne() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/agenda-items");
        request.addHeader(CorrelationIdFilter.HEADER, "not plausible\nat all");
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, chain);

        assertThat(response.getHeader(CorrelationIdFilter.HEADER))
                .matches("[0-9a-f-]{36}")
                .isEqualTo(seenInTheLogs.getFirst());
    }
}
