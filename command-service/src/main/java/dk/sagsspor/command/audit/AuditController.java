package dk.sagsspor.command.audit;

import dk.sagsspor.command.audit.Seals.Seal;
import dk.sagsspor.command.web.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The tamper-evident history, for auditors and admins (docs/audit.md). */
@RestController
@Tag(
        name = "Audit",
        description = "Verify that the event store is as it was chained and sealed; see and make seals. Admin or"
                + " auditor; making a seal on demand: admin.")
@RequestMapping("/api/audit")
class AuditController {

    private final Verification verification;
    private final Seals seals;
    private final DecisionRegisterExport export;

    AuditController(Verification verification, Seals seals, DecisionRegisterExport export) {
        this.verification = verification;
        this.seals = seals;
        this.export = export;
    }

    @Operation(summary = "Export a committee's decision register for a period, with its proof", description = """
                    The committee's decisions and corrections recorded from the start of `from` to the end of `to` \
                    (Danish time), each with the stored event's fields (payload and metadata as base64), its \
                    content hash, its link and the link before it, and the seal that covers it; `chain`: the \
                    content hashes from the first entry to the last covering seal, so that the links can be walked \
                    from entry to seal offline (deploy/audit/check-export.sh). Decisions too young to be chained \
                    are counted in `unchainedDecisions`.""")
    @GetMapping("/decision-register")
    DecisionRegisterExport.DecisionRegister decisionRegister(
            @Parameter(description = "The committee, e.g. KKR Nordjylland") @RequestParam String committee,
            @Parameter(description = "The first day (yyyy-mm-dd)") @RequestParam java.time.LocalDate from,
            @Parameter(description = "The last day (yyyy-mm-dd)") @RequestParam java.time.LocalDate to) {
        if (committee.isBlank()) {
            throw new InvalidRequest("committee", "must not be blank");
        }
        if (to.isBefore(from)) {
            throw new InvalidRequest("to", "must not be before from");
        }
        return export.export(committee, from, to);
    }

    @Operation(summary = "Verify the event chain", description = """
                    Recomputes the chain from the event store over the positions from..to (the whole chain by \
                    default) and compares it with the links recorded when each event was chained and with the \
                    seals as Kafka keeps them. `intact`, or `firstBreak`: the position, the event and how \
                    (`changed`, `missing`, `inserted`, `reordered`, `chain-altered`, `seal-mismatch`); \
                    `lastAgreeingSeal`: the latest seal before the break that the store still agrees with.""")
    @GetMapping("/verification")
    Verification.ChainVerification verify(
            @Parameter(description = "The first global position to verify (1 or more)") @RequestParam(required = false)
                    Long from,
            @Parameter(description = "The last global position to verify (at most the chain's head)")
                    @RequestParam(required = false)
                    Long to) {
        if (from != null && from < 1) {
            throw new InvalidRequest("from", "must be 1 or more");
        }
        if (to != null && to < 1) {
            throw new InvalidRequest("to", "must be 1 or more");
        }
        if (from != null && to != null && from > to) {
            throw new InvalidRequest("to", "must not be before from");
        }
        return verification.verify(from, to);
    }

    @Operation(summary = "The seals made so far, oldest first, as the database keeps them")
    @GetMapping("/seals")
    List<Seal> seals() {
        return seals.all();
    }

    @Operation(summary = "Seal the chain now", description = """
                    Extends the chain over the settled events, seals its head (even if the last seal has the same \
                    head) and publishes the seal to Kafka. Answers the seal; 204 while no event is chained.""")
    @ApiResponse(
            responseCode = "200",
            description = "The seal made",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Seal.class)))
    @ApiResponse(responseCode = "204", description = "No event is chained yet: nothing to seal")
    @PostMapping("/seals")
    ResponseEntity<Seal> seal() {
        return seals.seal(true)
                .map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }
}
