package dk.sagsspor.query.projection;

import dk.sagsspor.query.projection.ProjectionRebuilds.Status;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/projections")
@Tag(name = "Projections", description = "The read models' projections: where they stand, and rebuilding one.")
class ProjectionAdminController {

    private final ProjectionRebuilds rebuilds;

    ProjectionAdminController(ProjectionRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /** Every projection: its consumer group, whether its listener runs, its lag in records, its latest rebuild. */
    @GetMapping
    List<Status> projections() {
        return rebuilds.status();
    }

    /** One projection's status; during a rebuild, {@code lastRebuild.caughtUp} turns true when it has caught up. */
    @GetMapping("/{name}")
    Status projection(@PathVariable String name) {
        return rebuilds.status(name);
    }

    /**
     * Rebuilds the projection from the beginning of the event topic into fresh tables, swapped in when they have caught
     * up; the service keeps answering from the old ones until then. {@code 202} with its status; {@code 409} if other
     * instances consume the topic or a rebuild is under way.
     */
    @ApiResponse(
            responseCode = "202",
            description = "Started: the projection's status",
            useReturnTypeSchema = true,
            headers =
                    @Header(
                            name = "Location",
                            description = "Its status, to follow the rebuild",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @PostMapping("/{name}/rebuild")
    ResponseEntity<Status> rebuild(@PathVariable String name, java.security.Principal admin) {
        Status status = rebuilds.rebuild(name, admin.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections/" + name))
                .body(status);
    }

    /**
     * Rebuilds every read model in one pass from the beginning of the event topic, into fresh tables swapped in when
     * they have caught up; the service keeps answering from the old ones until then. {@code 202} with every
     * projection's status; {@code 409} if other instances consume the topic or a rebuild is under way.
     */
    @ApiResponse(
            responseCode = "202",
            description = "Started: every projection's status",
            useReturnTypeSchema = true,
            headers =
                    @Header(
                            name = "Location",
                            description = "Their status, to follow the rebuild",
                            schema = @Schema(type = "string", format = "uri-reference")))
    @PostMapping("/rebuild")
    ResponseEntity<List<Status>> rebuildAll(java.security.Principal admin) {
        List<Status> status = rebuilds.rebuildAll(admin.getName());
        return ResponseEntity.accepted()
                .location(URI.create("/api/admin/projections"))
                .body(status);
    }

    @ExceptionHandler(ProjectionRebuilds.RebuildRefused.class)
    ProblemDetail refused(ProjectionRebuilds.RebuildRefused ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setType(URI.create("https://sagsspor.dk/problems/rebuild-refused"));
        problem.setTitle("Rebuild refused");
        return problem;
    }

    @ExceptionHandler(ProjectionRebuilds.KafkaUnanswered.class)
    ProblemDetail kafkaUnanswered(ProjectionRebuilds.KafkaUnanswered ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
        problem.setType(URI.create("https://sagsspor.dk/problems/kafka-unavailable"));
        problem.setTitle("Kafka unavailable");
        return problem;
    }
}
