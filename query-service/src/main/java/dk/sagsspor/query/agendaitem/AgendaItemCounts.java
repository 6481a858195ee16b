package dk.sagsspor.query.agendaitem;

import dk.sagsspor.query.security.Visibility;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * How many items, and how many outstanding, a committee has now — kept by the items read model (V25: triggers on
 * {@code agenda_item} add a row of differences per statement), so a list's total is a sum of a few rows instead of a
 * count of the items. Items closed to the public are counted apart, so a total leaves out what the reader may not
 * see, as the list does.
 */
@Repository
class AgendaItemCounts {

    private static final Logger log = LoggerFactory.getLogger(AgendaItemCounts.class);

    private final JdbcClient jdbc;

    AgendaItemCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The items of {@code committee} (or of every committee) that the current user sees, or only the outstanding. */
    long total(@Nullable String committee, boolean outstandingOnly) {
        return jdbc.sql("select coalesce(sum(" + (outstandingOnly ? "c.outstanding" : "c.items")
                        + "), 0) from agenda_item_count c where "
                        + (committee == null ? "" : "c.committee = :committee and ")
                        + Visibility.visible("c"))
                .param("committee", committee)
                .params(Visibility.parameters())
                .query(Long.class)
                .single();
    }

    /**
     * Folds each committee's rows of differences into one (none when they add up to nothing). Safe beside the
     * triggers, which only insert, and beside another fold: a row is deleted once, and what a fold deletes it sums.
     */
    @Scheduled(fixedDelayString = "${sagsspor.items.count-fold-interval:PT5S}")
    void foldNowAndThen() {
        fold();
    }

    /** Folds the rows now; how many rows the folded committees have afterwards. */
    int fold() {
        try {
            int rows = jdbc.sql("""
                            with folded as (
                                delete from agenda_item_count
                                 where (committee, closed_item) in (select committee, closed_item
                                                                      from agenda_item_count
                                                                     group by 1, 2
                                                                    having count(*) > 1)
                                returning committee, closed_item, items, outstanding)
                            insert into agenda_item_count (committee, closed_item, items, outstanding)
                            select committee, closed_item, sum(items), sum(outstanding)
                              from folded
                             group by 1, 2
                            having sum(items) <> 0 or sum(outstanding) <> 0""").update();
            log.debug("Folded the item counts into {} row(s)", rows);
            return rows;
        } catch (RuntimeException e) {
            // the database is away, say: the counts stay right unfolded, and the next fold tries again
            log.warn("Could not fold the item counts: {}", e.toString());
            return 0;
        }
    }
}
