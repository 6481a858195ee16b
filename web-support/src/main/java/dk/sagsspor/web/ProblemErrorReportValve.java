package dk.sagsspor.web;

import java.io.IOException;
import java.io.PrintWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * What the servlet container refuses before the application sees the request — an encoded slash or NUL in a path, a
 * request line or header too large — answered as an RFC 9457 problem ({@code application/problem+json}, a
 * {@code type} from the services' catalogue) instead of Tomcat's HTML page. Installed as the host's error report valve
 * by {@link ProblemErrorReportValveAutoConfiguration}; everything the application answers itself is left alone.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    static final String TYPE = "https://sagsspor.dk/problems/rejected-request";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = status == 400
                ? "The request was refused before it reached the service: its line or headers are malformed or too"
                        + " large (an encoded '/' or NUL in a path, an invalid percent-encoding, more than the server"
                        + " accepts)."
                : "The request was refused before it reached the service.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            PrintWriter writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + TYPE + "\",\"title\":\"" + json(title) + "\",\"status\":" + status
                        + ",\"detail\":\"" + json(detail) + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the response committed: nothing more can be said
        }
    }

    private static String json(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
