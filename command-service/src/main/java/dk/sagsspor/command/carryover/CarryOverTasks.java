package dk.sagsspor.command.carryover;

import dk.sagsspor.command.RuleViolation;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.CarryOverAgendaItem;
import dk.sagsspor.command.agendaitem.AgendaItemCommands.ScheduleAgendaItem;
import dk.sagsspor.command.web.Commands;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does the carry-over work recorded in {@code carry_over_task}, one task per transaction: the task row is locked
 * ({@code skip locked}, so several instances share the work), the command is sent in the same transaction, and the
 * row is deleted when it succeeds. A task whose command is refused is retried with back-off; a placement on a named
 * meeting that no longer takes items falls back to the next meeting. A placement waits while its committee has no
 * next meeting. Runs every poll interval and as soon as the process records something.
 */
@Component
class CarryOverTasks implements SmartLifecycle {

    static final String ACTOR = "sagsspor:carry-over";
    private static final Logger log = LoggerFactory.getLogger(CarryOverTasks.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Commands commands;
    private final MeterRegistry meters;
    private final Duration pollInterval;
    private final AtomicBoolean running = new AtomicBoolean();
    private ScheduledExecutorService executor;

    CarryOverTasks(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Commands commands,
            MeterRegistry meters,
            @Value("${sagsspor.carry-over.poll-interval:1s}") Duration pollInterval) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.commands = commands;
        this.meters = meters;
        this.pollInterval = pollInterval;
    }

    private record Task(
            String agendaItemId,
            String kind,
            String fromMeetingId,
            String toMeetingId,
            String target,
            String reason,
            String correlationId,
            int attempts) {}

    /** Runs the tasks soon after the current transaction commits (or now, outside one). */
    void wakeUp() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        } else {
            schedule();
        }
    }

    private void schedule() {
        ScheduledExecutorService current = executor;
        if (running.get() && current != null) {
            current.execute(this::runAll);
        }
    }

    void runAll() {
        try {
            while (running.get() && runOne()) {
                // next
            }
        } catch (RuntimeException e) {
            log.error("Carry-over tasks failed; retrying in {}", pollInterval, e);
        }
    }

    /** Does one task that is due; false when none is. */
    boolean runOne() {
        AtomicReference<Task> claimed = new AtomicReference<>();
        try {
            Task done = transactions.execute(status -> nextDueTask()
                    .map(task -> {
                        claimed.set(task);
                        commands.sendAs(ACTOR, task.correlationId(), command(task));
                        jdbc.sql("delete from carry_over_task where agenda_item_id = :item and kind = :kind")
                                .param("item", task.agendaItemId())
                                .param("kind", task.kind())
                                .update();
                        return task;
                    })
                    .orElse(null));
            if (done == null) {
                return false;
            }
            meters.counter("sagsspor.carry-over.tasks", "kind", done.kind(), "outcome", "done")
                    .increment();
            return true;
        } catch (RuleViolation | AggregateNotFoundException e) {
            failed(claimed.get(), e);
            return true;
        }
    }

    private Object command(Task task) {
        if (task.kind().equals("DEFER")) {
            return new CarryOverAgendaItem(
                    task.agendaItemId(),
                    task.fromMeetingId(),
                    task.reason(),
                    CarryOverProcess.MEETING_CANCELLED.equals(task.reason()));
        }
        return new ScheduleAgendaItem(task.agendaItemId(), null, task.target(), null, null);
    }

    private Optional<Task> nextDueTask() {
        return jdbc.sql("""
                        select t.*, coalesce(t.to_meeting_id,
                                   (select m.meeting_id from carry_over_meeting m
                                     where m.committee = t.committee and m.state = 'SCHEDULED'
                                       and m.start_at > t.not_before
                                     order by m.start_at limit 1)) as target
                          from carry_over_task t
                         where t.next_attempt_at <= now()
                           and (t.kind = 'DEFER' or t.to_meeting_id is not null or exists (
                                 select 1 from carry_over_meeting m
                                  where m.committee = t.committee and m.state = 'SCHEDULED'
                                    and m.start_at > t.not_before))
                         order by t.created_at
                         limit 1
                           for update of t skip locked""")
                .query((rs, n) -> new Task(
                        rs.getString("agenda_item_id"),
                        rs.getString("kind"),
                        rs.getString("from_meeting_id"),
                        rs.getString("to_meeting_id"),
                        rs.getString("target"),
                        rs.getString("reason"),
                        rs.getString("correlation_id"),
                        rs.getInt("attempts")))
                .optional();
    }

    private void failed(Task task, RuntimeException reason) {
        if (task == null) {
            return;
        }
        meters.counter("sagsspor.carry-over.tasks", "kind", task.kind(), "outcome", "refused")
                .increment();
        long backOffSeconds = Math.min(3600, 1L << Math.min(task.attempts(), 12));
        log.warn(
                "Carry-over {} of item {} refused ({}); retrying in {} s",
                task.kind(),
                task.agendaItemId(),
                reason.getMessage(),
                backOffSeconds);
        jdbc.sql("""
                        update carry_over_task
                           set attempts = attempts + 1, last_error = :error,
                               next_attempt_at = now() + make_interval(secs => :backOff),
                               to_meeting_id = case when kind = 'PLACE' then null else to_meeting_id end
                         where agenda_item_id = :item and kind = :kind""")
                .param("error", reason.getMessage())
                .param("backOff", backOffSeconds)
                .param("item", task.agendaItemId())
                .param("kind", task.kind())
                .update();
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "carry-over-tasks");
            thread.setDaemon(true);
            return thread;
        });
        running.set(true);
        executor.scheduleWithFixedDelay(
                this::runAll, pollInterval.toMillis(), pollInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running.set(false);
        executor.shutdown();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
