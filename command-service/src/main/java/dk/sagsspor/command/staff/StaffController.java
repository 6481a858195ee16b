package dk.sagsspor.command.staff;

import dk.sagsspor.command.staff.StaffMember.EnterStaffMember;
import dk.sagsspor.command.web.Commands;
import dk.sagsspor.command.web.InvalidRequest;
import dk.sagsspor.command.web.Versions.Accepted;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The staff directory: the people follow-ups are assigned to and deadline alerts go to. */
@RestController
@Tag(name = "Staff directory", description = "Enter or update a staff member by initials.")
@RequestMapping("/api/staff")
class StaffController {

    private static final java.util.regex.Pattern INITIALS = java.util.regex.Pattern.compile("[a-zæøå]{2,8}");

    private final Commands commands;

    StaffController(Commands commands) {
        this.commands = commands;
    }

    record Entry(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Email @Size(max = 320) String email) {}

    /** Enters a staff member, or records a change of name or e-mail address (nothing when nothing changed). */
    @PutMapping("/{initials}")
    ResponseEntity<Accepted> enter(@PathVariable String initials, @Valid @RequestBody Entry entry) {
        if (!INITIALS.matcher(initials).matches()) {
            throw new InvalidRequest("initials", "must be 2 to 8 lower-case letters, e.g. hast");
        }
        return commands.write(initials, new EnterStaffMember(initials, entry.name(), entry.email()));
    }
}
