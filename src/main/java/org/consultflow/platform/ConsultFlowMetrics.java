package org.consultflow.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What operators watch, read from ConsultFlow's own tables and from Camunda's. Every replica shares the database, so
 * every replica reports the same figures: alert on max(), never sum(). They are read at most every few seconds, in
 * five small aggregate queries, however often Prometheus scrapes.
 */
@Component
class ConsultFlowMetrics implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private final JdbcClient jdbc;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final Clock clock;
    private Figures figures;
    private Instant readAt = Instant.MIN;
    private MultiGauge rounds;
    private final Set<String> statuses = new TreeSet<>();

    ConsultFlowMetrics(JdbcClient jdbc, ManagementService management, RuntimeService runtime, Clock clock) {
        this.jdbc = jdbc;
        this.management = management;
        this.runtime = runtime;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        counter(registry, "consultflow.invitations.sent", "Invitations sent", Figures::invitations);
        counter(registry, "consultflow.reminders.sent", "Reminders sent", Figures::reminders);
        counter(registry, "consultflow.responses.recorded", "Response versions recorded", Figures::responses);
        counter(registry, "consultflow.dead.letters", "Events dead-lettered, ever", Figures::deadLetters);
        gauge(registry, "consultflow.dead.letters.open", "Dead letters not yet replayed", Figures::openDeadLetters);
        gauge(registry, "consultflow.inbox.pending", "Recorded responses waiting for their engagement", Figures::pending);
        Gauge.builder("consultflow.inbox.oldest.age", this, metrics -> metrics.current().oldestPendingSeconds())
                .description("How long the oldest pending response has waited").baseUnit("seconds").register(registry);
        gauge(registry, "consultflow.mail.failures", "Engagements whose last mail could not be delivered",
                Figures::mailFailures);
        gauge(registry, "consultflow.camunda.jobs", "Camunda jobs waiting or running", Figures::jobs);
        gauge(registry, "consultflow.camunda.jobs.failed", "Camunda jobs with no retries left", Figures::failedJobs);
        gauge(registry, "consultflow.camunda.incidents", "Open Camunda incidents", Figures::incidents);
        rounds = MultiGauge.builder("consultflow.rounds").description("Rounds by status").register(registry);
    }

    private void counter(MeterRegistry registry, String name, String description, ToDoubleFunction<Figures> figure) {
        FunctionCounter.builder(name, this, metrics -> figure.applyAsDouble(metrics.current()))
                .description(description).register(registry);
    }

    private void gauge(MeterRegistry registry, String name, String description, ToDoubleFunction<Figures> figure) {
        Gauge.builder(name, this, metrics -> figure.applyAsDouble(metrics.current())).description(description)
                .register(registry);
    }

    synchronized Figures current() {
        var now = clock.instant();
        if (figures == null || now.isAfter(readAt.plus(FRESH_FOR))) {
            figures = read(now);
            readAt = now;
            if (statuses.addAll(figures.rounds().keySet())) {
                showRounds();
            }
        }
        return figures;
    }

    /** A status once seen stays as a series (at 0 when no round has it) so that graphs do not break off. */
    private void showRounds() {
        var rows = new ArrayList<MultiGauge.Row<?>>();
        for (var status : statuses) {
            rows.add(MultiGauge.Row.of(Tags.of("status", status), this,
                    metrics -> metrics.current().rounds().getOrDefault(status, 0L)));
        }
        if (rounds != null) {
            rounds.register(rows, false);
        }
    }

    private Figures read(Instant now) {
        var engagements = jdbc.sql("select count(invited_at), coalesce(sum(reminders_sent), 0), count(mail_failed_at)"
                + " from engagement").query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        var responses = jdbc.sql("select count(*), count(case when correlation = 'PENDING' then 1 end),"
                + " min(case when correlation = 'PENDING' then recorded_at end) from response")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), oldest(rs.getTimestamp(3))}).single();
        var deadLetters = jdbc.sql("select count(*), count(*) - count(replayed_at) from dead_letter")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        var byStatus = new HashMap<String, Long>();
        jdbc.sql("select status, count(*) from round group by status")
                .query(rs -> { byStatus.put(rs.getString(1), rs.getLong(2)); });
        var oldest = (Instant) responses[2];
        return new Figures(engagements[0], engagements[1], (long) responses[0], deadLetters[0], deadLetters[1],
                (long) responses[1], oldest == null ? 0 : Duration.between(oldest, now).toMillis() / 1000.0,
                engagements[2], Map.copyOf(byStatus), management.createJobQuery().count(),
                management.createJobQuery().noRetriesLeft().count(), runtime.createIncidentQuery().count());
    }

    private static Instant oldest(Timestamp recordedAt) {
        return recordedAt == null ? null : recordedAt.toInstant();
    }

    record Figures(long invitations, long reminders, long responses, long deadLetters, long openDeadLetters,
            long pending, double oldestPendingSeconds, long mailFailures, Map<String, Long> rounds, long jobs,
            long failedJobs, long incidents) {
    }
}
