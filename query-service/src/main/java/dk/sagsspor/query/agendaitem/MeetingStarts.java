package dk.sagsspor.query.agendaitem;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * When meetings start, as the item lists show beside each item's current meeting. The meetings read model answers it
 * (it owns the meetings' tables); this feature asks through this interface, so it neither joins their tables nor
 * depends on that feature.
 */
public interface MeetingStarts {

    /** The start of each of these meetings as it stood at {@code asOf} (now when null); unknown meetings are absent. */
    Map<String, Instant> starts(Collection<String> meetingIds, @Nullable Instant asOf);
}
