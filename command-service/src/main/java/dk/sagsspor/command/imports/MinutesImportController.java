package dk.sagsspor.command.imports;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Minutes as text or PDF, read into their structure. So far only as a dry run ({@code ?dryRun=true}): the answer is what
 * an import would record, and nothing is recorded. Importing itself (issuing the commands) is not built yet and is
 * refused with 501.
 */
@RestController
@RequestMapping("/api/imports/minutes")
@Tag(name = "Imports", description = "Existing minutes read into meetings, items, decisions and deadlines.")
class MinutesImportController {

    static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    /**
     * Reads minutes sent as {@code text/plain} (UTF-8 unless the content type names another charset): the committee,
     * the meeting's date and place, participants and absentees, the items with their parts, the next meeting and
     * the deadlines, with warnings for what was uncertain. {@code 422 not-minutes} for a document without agenda
     * items.
     */
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ParsedMinutes read(
            @RequestBody byte[] document,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        if (!dryRun) {
            throw new ImportNotAvailable();
        }
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        return MinutesParser.parse(new String(document, charset));
    }

    /** The same for minutes sent as {@code application/pdf}: their text layer, read with Apache PDFBox. */
    @PostMapping(consumes = "application/pdf", produces = MediaType.APPLICATION_JSON_VALUE)
    ParsedMinutes readPdf(@RequestBody byte[] document, @RequestParam(defaultValue = "false") boolean dryRun) {
        if (!dryRun) {
            throw new ImportNotAvailable();
        }
        return MinutesParser.parse(PdfText.of(document));
    }

    @ExceptionHandler(NotMinutes.class)
    ProblemDetail notMinutes(NotMinutes ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setType(URI.create(TYPE_BASE + "not-minutes"));
        problem.setTitle("Not minutes");
        return problem;
    }

    @ExceptionHandler(ImportNotAvailable.class)
    ProblemDetail notAvailable(ImportNotAvailable ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.NOT_IMPLEMENTED,
                "Importing minutes is not available yet; send dryRun=true to see what an import would record.");
        problem.setType(URI.create(TYPE_BASE + "import-not-available"));
        problem.setTitle("Import not available");
        return problem;
    }

    /** A real import was asked for; only dry runs exist so far. */
    static final class ImportNotAvailable extends RuntimeException {}
}
