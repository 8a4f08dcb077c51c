package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The figures operators alert on, read from ConsultFlow's real schema (Flyway's migrations on H2). */
class ConsultFlowMetricsTest {

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    final MovableClock clock = new MovableClock();
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    JdbcClient jdbc;

    @BeforeEach
    void schemaWithOneOpenAndOneClosedRound() {
        var dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:metrics-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        dataSource.setUser("sa");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = JdbcClient.create(dataSource);
        round("open-round", "OPEN");
        round("closed-round", "CLOSED");
        engagement("open-round", "blaby", NOW.minusSeconds(3600), 2, null);
        engagement("open-round", "melton", NOW.minusSeconds(3600), 0, NOW.minusSeconds(60));
        engagement("open-round", "charnwood", null, 0, null);
        response("e1", "blaby", "CORRELATED", NOW.minusSeconds(600));
        response("e2", "melton", "PENDING", NOW.minusSeconds(90));
        jdbc.sql("insert into dead_letter (topic, reason, dead_at, replayed_at) values ('t', 'bad', ?, ?)")
                .params(ts(NOW), ts(NOW)).update();
        jdbc.sql("insert into dead_letter (topic, reason, dead_at) values ('t', 'not authorised', ?)").params(ts(NOW))
                .update();

        var management = mock(ManagementService.class, RETURNS_DEEP_STUBS);
        var runtime = mock(RuntimeService.class, RETURNS_DEEP_STUBS);
        when(management.createJobQuery().count()).thenReturn(7L);
        when(management.createJobQuery().noRetriesLeft().count()).thenReturn(1L);
        when(runtime.createIncidentQuery().count()).thenReturn(1L);
        new ConsultFlowMetrics(jdbc, management, runtime, clock).bindTo(registry);
    }

    @Test
    void countsInvitationsRemindersResponsesAndMailFailuresFromTheTables() {
        assertThat(counter("consultflow.invitations.sent")).isEqualTo(2);
        assertThat(counter("consultflow.reminders.sent")).isEqualTo(2);
        assertThat(counter("consultflow.responses.recorded")).isEqualTo(2);
        assertThat(gauge("consultflow.mail.failures")).isEqualTo(1);
    }

    @Test
    void showsHowManyResponsesWaitInTheInboxAndForHowLong() {
        assertThat(gauge("consultflow.inbox.pending")).isEqualTo(1);
        assertThat(gauge("consultflow.inbox.oldest.age")).isEqualTo(90);
    }

    @Test
    void tellsDeadLettersEverFromThoseStillWaitingForAReplay() {
        assertThat(counter("consultflow.dead.letters")).isEqualTo(2);
        assertThat(gauge("consultflow.dead.letters.open")).isEqualTo(1);
    }

    @Test
    void countsRoundsByStatusAndTheEnginesJobsAndIncidents() {
        gauge("consultflow.camunda.jobs"); // the first scrape reads the figures; each status seen gets its series

        assertThat(registry.get("consultflow.rounds").tag("status", "OPEN").gauge().value()).isEqualTo(1);
        assertThat(registry.get("consultflow.rounds").tag("status", "CLOSED").gauge().value()).isEqualTo(1);
        assertThat(gauge("consultflow.camunda.jobs")).isEqualTo(7);
        assertThat(gauge("consultflow.camunda.jobs.failed")).isEqualTo(1);
        assertThat(gauge("consultflow.camunda.incidents")).isEqualTo(1);
    }

    @Test
    void readsTheDatabaseAtMostOnceInTenSecondsHoweverOftenItIsScraped() {
        assertThat(gauge("consultflow.inbox.pending")).isEqualTo(1);
        jdbc.sql("update response set correlation = 'CORRELATED'").update();

        clock.advance(Duration.ofSeconds(5));
        assertThat(gauge("consultflow.inbox.pending")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(6));
        assertThat(gauge("consultflow.inbox.pending")).isZero();
        assertThat(gauge("consultflow.inbox.oldest.age")).isZero();
    }

    private double counter(String name) {
        return registry.get(name).functionCounter().count();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private void round(String key, String status) {
        jdbc.sql("""
                insert into round (round_key, title, definition, status, opened_at, deadline, reminders, rehearsal)
                values (?, 'A round', '{}', ?, ?, ?, 'P7D', false)""")
                .params(key, status, ts(NOW.minusSeconds(86400)), ts(NOW.plusSeconds(86400))).update();
    }

    private void engagement(String round, String consultee, Instant invitedAt, int reminders, Instant mailFailedAt) {
        jdbc.sql("""
                insert into engagement (round_key, consultee_id, group_id, required, token_hash, invited_at,
                                        reminders_sent, mail_failed_at)
                values (?, ?, 'districts', true, ?, ?, ?, ?)""")
                .params(round, consultee, "hash-" + consultee, ts(invitedAt), reminders, ts(mailFailedAt)).update();
    }

    private void response(String id, String consultee, String correlation, Instant recordedAt) {
        jdbc.sql("insert into inbound_event (source, event_id, received_at, payload) values ('/partner', ?, ?, '{}')")
                .params(id, ts(recordedAt)).update();
        jdbc.sql("""
                insert into response (source, event_id, round_key, consultee_id, version, channel, answers,
                                      submitted_at, recorded_at, late, correlation)
                values ('/partner', ?, 'open-round', ?, 1, 'PARTNER', '{}', ?, ?, false, ?)""")
                .params(id, consultee, ts(recordedAt), ts(recordedAt), correlation).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static final class MovableClock extends Clock {

        private Instant now = NOW;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
