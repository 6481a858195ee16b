package dk.sagsspor.query.web;

import java.util.List;
import org.springframework.http.HttpHeaders;

/**
 * The response header that marks an answer about an aggregate as incomplete: {@value #HEADER} names the read models
 * that miss some of its events (records they could not apply; {@code /api/admin/dead-letters} says which and why).
 * Absent when the answer is complete.
 */
public final class Incomplete {

    public static final String HEADER = "Sagsspor-Incomplete";

    private Incomplete() {}

    public static HttpHeaders header(List<String> readModels) {
        HttpHeaders headers = new HttpHeaders();
        if (!readModels.isEmpty()) {
            headers.add(HEADER, String.join(", ", readModels));
        }
        return headers;
    }
}
