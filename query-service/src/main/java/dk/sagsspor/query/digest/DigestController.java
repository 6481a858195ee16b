package dk.sagsspor.query.digest;

import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.staff.StaffDirectory;
import dk.sagsspor.query.web.BadQuery;
import dk.sagsspor.query.web.DanishDays;
import dk.sagsspor.query.web.Forbidden;
import dk.sagsspor.query.web.NotFound;
import dk.sagsspor.query.web.OParlList;
import dk.sagsspor.query.web.OParlList.PageRequest;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The weekly digests: a staff member's digest as it would go out now (for clients that show it rather than mail it),
 * each person's choice to get it or not, and — for the secretariat and the on-call engineer — which went out.
 */
@RestController
@RequestMapping("/api/digests")
@Tag(name = "Digests", description = "A staff member's weekly overview of follow-ups, outstanding items and changes.")
class DigestController {

    static final List<String> STATES = List.of("pending", "sent", "skipped");

    private final DigestScheduler scheduler;
    private final Digests digests;
    private final StaffDirectory staff;
    private final Clock clock;

    DigestController(DigestScheduler scheduler, Digests digests, StaffDirectory staff, Clock clock) {
        this.scheduler = scheduler;
        this.digests = digests;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * The staff member's digest as it would go out now — the content of their mail: open follow-ups by due date
     * (overdue first), the outstanding items they are case officer of, and the changes to their items since their last
     * digest (or the first look-back). Items closed to the public are shown as the caller may see them.
     */
    @GetMapping("/{initials}")
    Digest digest(@PathVariable String initials) {
        StaffDirectory.Member member = member(initials);
        return scheduler.write(
                member,
                digests.subscription(initials).subscribed(),
                Week.of(clock.instant()),
                Visibility.Viewer.currentUser());
    }

    /**
     * A person's choice: {@code subscribed} false when they said no to the digest; {@code changed} and
     * {@code changedBy} null while they never chose (everyone with an e-mail address gets it).
     */
    record DigestSubscription(
            String initials,
            boolean subscribed,
            @Nullable OffsetDateTime changed,
            @Nullable String changedBy) {

        static DigestSubscription of(Digests.Subscription s) {
            return new DigestSubscription(s.initials(), s.subscribed(), danish(s.changed()), s.changedBy());
        }
    }

    @GetMapping("/{initials}/subscription")
    DigestSubscription subscription(@PathVariable String initials) {
        member(initials);
        return DigestSubscription.of(digests.subscription(initials));
    }

    /** The choice to make: {@code false} to get no more digests, {@code true} to get them again. */
    record SubscriptionChange(@NotNull Boolean subscribed) {}

    /**
     * Opts a person out of the digest, or in again. The person themselves (a user whose name is their initials), a
     * secretary or an admin may; another reader gets 403. A digest of this week not yet sent is then not sent.
     */
    @PutMapping("/{initials}/subscription")
    DigestSubscription subscribe(@PathVariable String initials, @Valid @RequestBody SubscriptionChange change) {
        member(initials);
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        String name = user == null ? "" : user.getName();
        if (!name.equalsIgnoreCase(initials) && !Visibility.ofTheSecretariat()) {
            throw new Forbidden("Only " + initials + " themselves, a secretary or an admin may change " + initials
                    + "'s digest subscription.");
        }
        return DigestSubscription.of(digests.subscribe(initials, change.subscribed(), name, clock.instant()));
    }

    /**
     * A digest raised for a person and week. {@code state} is {@code pending} (waiting for its first or a further
     * attempt at {@code nextAttempt}), {@code sent} (mailed to {@code recipient}, telling of the counts shown) or
     * {@code skipped} ({@code reason} says why: nothing to tell, opted out, no e-mail address, its week passed).
     */
    record DigestSent(
            String id,
            String initials,
            String week,
            String state,
            int attempts,
            OffsetDateTime raised,
            @Nullable OffsetDateTime nextAttempt,
            @Nullable String reason,
            @Nullable String recipient,
            @Nullable OffsetDateTime changesAfter,
            @Nullable OffsetDateTime changesUntil,
            @Nullable Integer followUps,
            @Nullable Integer overdue,
            @Nullable Integer outstandingItems,
            @Nullable Integer changes,
            @Nullable OffsetDateTime sent) {

        static DigestSent of(DigestDelivery d) {
            return new DigestSent(
                    d.id(),
                    d.initials(),
                    d.week().toString(),
                    d.state().toLowerCase(Locale.ROOT),
                    d.attempts(),
                    danish(d.raisedAt()),
                    "PENDING".equals(d.state()) ? danish(d.nextAttemptAt()) : null,
                    d.lastError(),
                    d.recipient(),
                    danish(d.changesAfter()),
                    danish(d.changesUntil()),
                    d.followUps(),
                    d.overdue(),
                    d.items(),
                    d.changes(),
                    danish(d.sentAt()));
        }
    }

    /** The digests raised, newest week first, filtered by week ({@code 2026-W49}), person and state (repeatable). */
    @GetMapping
    OParlList<DigestSent> digests(
            @RequestParam(required = false) String week,
            @RequestParam(required = false) String initials,
            @RequestParam(required = false) List<String> state,
            @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "50") int pageSize) {
        List<String> states = BadQuery.oneOf("state", state, STATES, STATES);
        Week which;
        try {
            which = week == null ? null : Week.parse(week);
        } catch (IllegalArgumentException e) {
            throw new BadQuery("week", e.getMessage());
        }
        PageRequest paging = new PageRequest(page, pageSize);
        return OParlList.of(
                digests.list(which, initials, states, paging).map(DigestSent::of),
                paging,
                ServletUriComponentsBuilder.fromCurrentRequest());
    }

    private StaffDirectory.Member member(String initials) {
        StaffDirectory.Member member = staff.members(List.of(initials)).get(initials);
        if (member == null) {
            throw new NotFound("staff member", initials);
        }
        return member;
    }

    private static OffsetDateTime danish(Instant instant) {
        return instant == null ? null : instant.atZone(DanishDays.DENMARK).toOffsetDateTime();
    }
}
