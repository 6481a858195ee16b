package dk.sagsspor.query.digest;

import dk.sagsspor.query.agendaitem.AgendaItemReadModel;
import dk.sagsspor.query.agendaitem.MeetingStarts;
import dk.sagsspor.query.digest.Digest.DigestChange;
import dk.sagsspor.query.digest.Digest.DigestFollowUp;
import dk.sagsspor.query.digest.Digest.DigestItem;
import dk.sagsspor.query.followup.FollowUpReadModel;
import dk.sagsspor.query.security.Visibility;
import dk.sagsspor.query.staff.StaffDirectory;
import dk.sagsspor.query.timeline.EventLogReadModel;
import dk.sagsspor.query.web.DanishDays;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Writes a digest from the read models that own what it tells — the follow-ups, the agenda items (and the meetings'
 * starts), the event log — asking each through what it publishes; it reads none of their tables itself.
 */
@Component
class DigestContents {

    private final FollowUpReadModel followUps;
    private final AgendaItemReadModel items;
    private final MeetingStarts meetings;
    private final EventLogReadModel eventLog;

    DigestContents(
            FollowUpReadModel followUps,
            AgendaItemReadModel items,
            MeetingStarts meetings,
            EventLogReadModel eventLog) {
        this.followUps = followUps;
        this.items = items;
        this.meetings = meetings;
        this.eventLog = eventLog;
    }

    /**
     * The digest of a staff member for a week, telling of the changes recorded after {@code after} and up to
     * {@code until}, as {@code viewer} may see it; {@code today} (Danish) decides what is overdue.
     */
    Digest of(
            StaffDirectory.Member member,
            boolean subscribed,
            Week week,
            Instant after,
            Instant until,
            LocalDate today,
            Visibility.Viewer viewer) {
        List<DigestFollowUp> open = followUps.openOf(member.initials(), viewer).stream()
                .map(f -> {
                    long daysLeft = ChronoUnit.DAYS.between(today, f.dueDate());
                    return new DigestFollowUp(
                            f.id(),
                            f.description(),
                            f.dueDate(),
                            daysLeft < 0,
                            daysLeft,
                            f.agendaItemId(),
                            f.title(),
                            f.committee(),
                            f.caseNumber(),
                            f.source());
                })
                .toList();
        List<AgendaItemReadModel.Outstanding> outstanding = items.outstandingOf(member.initials(), viewer);
        Map<String, Instant> starts = meetings.starts(
                outstanding.stream()
                        .map(AgendaItemReadModel.Outstanding::meetingId)
                        .filter(Objects::nonNull)
                        .toList(),
                null);
        List<DigestItem> officerOf = outstanding.stream()
                .map(i -> new DigestItem(
                        i.id(),
                        i.title(),
                        i.committee(),
                        i.caseNumber(),
                        i.status(),
                        i.meetingId(),
                        i.meetingId() == null ? null : danish(starts.get(i.meetingId())),
                        i.timesDeferred(),
                        i.openFollowUps(),
                        danish(i.proposedAt()),
                        danish(i.lastChangedAt())))
                .toList();
        // the items whose changes are theirs to hear of: those above, and those that changed since and are theirs
        // no longer outstanding (decided, their follow-up completed)
        Set<String> theirItems = new LinkedHashSet<>();
        open.forEach(f -> theirItems.add(f.agendaItem()));
        officerOf.forEach(i -> theirItems.add(i.id()));
        theirItems.addAll(items.changedOf(member.initials(), after, viewer));
        theirItems.addAll(followUps.itemsChangedOf(member.initials(), after, viewer));
        List<DigestChange> changes = eventLog.changes(theirItems, after, until, viewer).stream()
                .map(c -> new DigestChange(
                        c.agendaItemId(),
                        c.agendaItemName(),
                        danish(c.time()),
                        danish(c.recorded()),
                        c.actor(),
                        c.type(),
                        c.summary()))
                .toList();
        return new Digest(
                member.initials(),
                member.name(),
                week.toString(),
                subscribed,
                danish(after),
                danish(until),
                open,
                officerOf,
                changes);
    }

    private static OffsetDateTime danish(Instant instant) {
        return instant == null ? null : instant.atZone(DanishDays.DENMARK).toOffsetDateTime();
    }
}
