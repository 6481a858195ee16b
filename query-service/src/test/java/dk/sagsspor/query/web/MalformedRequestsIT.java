package dk.sagsspor.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import dk.sagsspor.testsupport.Http;
import dk.sagsspor.testsupport.RealInfrastructure;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Requests a client library would not even send — an encoded slash or NUL in a path, a malformed percent-encoding,
 * oversized headers — written byte for byte on a socket: each is refused with a 4xx problem, never a 5xx and never
 * the servlet container's HTML page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MalformedRequestsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealInfrastructure.register(registry, "query");
    }

    @LocalServerPort
    int port;

    @Test
    void everyMalformedRequestIsAProblemNotAContainerPage() {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("an encoded slash in a path segment", "GET /api/agenda-items/a%2Fb HTTP/1.1\r\n");
        requests.put("an encoded NUL in a path segment", "GET /api/agenda-items/a%00b HTTP/1.1\r\n");
        requests.put("a malformed percent-encoding in a query", "GET /api/agenda-items?q=%C3%28 HTTP/1.1\r\n");
        requests.put("a broken percent sign", "GET /api/agenda-items?q=%zz HTTP/1.1\r\n");
        requests.put("a 10 KB query", "GET /api/agenda-items?q=" + "a".repeat(10_000) + " HTTP/1.1\r\n");
        requests.put("a 10 KB header", "GET /api/agenda-items HTTP/1.1\r\nX-Note: " + "a".repeat(10_000) + "\r\n");

        Map<String, String> answers = new LinkedHashMap<>();
        for (Map.Entry<String, String> request : requests.entrySet()) {
            String response = Http.raw(port, request.getValue());
            String head = response.lines().findFirst().orElse("");
            boolean problem = response.contains("Content-Type: application/problem+json");
            answers.put(request.getKey(), head + (problem ? " problem" : " NOT A PROBLEM: " + response));
        }

        assertThat(answers)
                .allSatisfy((what, answer) -> assertThat(answer).as(what).matches("HTTP/1\\.1 4\\d\\d.* problem"));
    }
}
