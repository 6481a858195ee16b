package dk.sagsspor.command.imports;

import dk.sagsspor.command.web.QueryLinks;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Minutes as text or PDF, read into their structure ({@code ?dryRun=true}: answered, nothing recorded) or imported as
 * events ({@link MinutesImport}).
 */
@RestController
@RequestMapping("/api/imports/minutes")
@Tag(name = "Imports", description = "Existing minutes read into meetings, items, decisions and deadlines.")
class MinutesImportController {

    private final QueryLinks links;

    static final String TYPE_BASE = "https://sagsspor.dk/problems/";

    private final MinutesImport imports;
    private final Clock clock;

    MinutesImportController(MinutesImport imports, QueryLinks links, Clock clock) {
        this.links = links;
        this.imports = imports;
        this.clock = clock;
    }

    /** Today in Danish time: what deadlines are read against when the minutes give no date. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(MinutesImport.DENMARK));
    }

    /**
     * Reads minutes sent as {@code text/plain} (UTF-8 unless the content type names another charset): the committee,
     * the meeting's date and place, participants and absentees, the items with their parts, the next meeting and
     * the deadlines, with warnings for what was uncertain. {@code 422 not-minutes} for a document without agenda
     * items.
     */
    @ApiResponse(
            responseCode = "200",
            description = "With dryRun: the minutes' structure, nothing recorded. Without: these minutes were imported"
                    + " before (imported: false), nothing recorded again.",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(oneOf = {ParsedMinutes.class, MinutesImport.Result.class})))
    @ApiResponse(
            responseCode = "201",
            description = "Imported: the meeting, its items and decisions are recorded",
            headers =
                    @Header(
                            name = "Location",
                            description = "The meeting on the query service",
                            schema = @Schema(type = "string", format = "uri-reference")),
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = MinutesImport.Result.class)))
    @PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> read(
            @RequestBody byte[] document,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(hidden = true) @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType) {
        Charset charset = contentType.getCharset() == null ? StandardCharsets.UTF_8 : contentType.getCharset();
        return answer(MinutesParser.parse(new String(document, charset), today()), dryRun);
    }

    /** The same for minutes sent as {@code application/pdf}: their text layer, read with Apache PDFBox. */
    @PostMapping(consumes = "application/pdf", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> readPdf(@RequestBody byte[] document, @RequestParam(defaultValue = "false") boolean dryRun) {
        return answer(MinutesParser.parse(PdfText.of(document), today()), dryRun);
    }

    /**
     * The dry run's structure, or the import's result: {@code 201} with the meeting as {@code Location} when it was
     * recorded, {@code 200} with {@code imported: false} when these minutes were imported before.
     */
    private ResponseEntity<?> answer(ParsedMinutes minutes, boolean dryRun) {
        if (dryRun) {
            return ResponseEntity.ok(minutes);
        }
        MinutesImport.Result result = imports.importMinutes(minutes);
        return result.imported()
                ? ResponseEntity.created(links.to("/api/meetings/" + result.meeting()))
                        .body(result)
                : ResponseEntity.ok(result);
    }

    @ExceptionHandler(NotMinutes.class)
    ProblemDetail notMinutes(NotMinutes ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.getMessage());
        problem.setType(URI.create(TYPE_BASE + "not-minutes"));
        problem.setTitle("Not minutes");
        return problem;
    }
}
