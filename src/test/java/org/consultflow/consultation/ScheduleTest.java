package org.consultflow.consultation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {

    static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

    @Test
    void rehearsalOfTheSeedRoundFitsSeventyFiveDaysIntoFiveMinutes() throws Exception {
        Definition seed = new Definitions(Clock.fixed(NOW, ZoneOffset.UTC))
                .read(Files.readString(DefinitionsTest.SEED), true);

        Schedule rehearsal = Schedule.rehearse(seed, Duration.ofMinutes(5), NOW);

        assertThat(rehearsal.rehearsal()).isTrue();
        assertThat(rehearsal.opens()).isEqualTo(NOW);
        assertThat(rehearsal.deadline()).isEqualTo(NOW.plusSeconds(300));
        assertThat(rehearsal.periodLength()).isEqualTo(Duration.ofMinutes(5));
        // 14 Feb 09:00Z to 30 Apr 22:59:59Z is 75.58 days; 14 of them are 18.5% of the period, 55.6 s of five minutes.
        assertThat(seconds(rehearsal.reminders())).containsExactly(
                new double[] {55.6, 27.8, 7.9}, within(0.1));
        assertThat(rehearsal.chase().toMillis() / 1000.0).isCloseTo(11.9, within(0.1));
        // Report due 9 May 09:00 BST, 8 days 9 hours after the deadline: 33.3 s after the rehearsed one.
        assertThat(Duration.between(rehearsal.deadline(), rehearsal.reportDue()).toMillis() / 1000.0)
                .isCloseTo(33.3, within(0.1));
    }

    @Test
    void rehearsalOfAPastDeadlineWithoutOpeningDateTreatsTheLongestOffsetAsTwoThirdsOfThePeriod() {
        Definition past = definition(null, "2020-01-31T17:00:00Z", List.of(Duration.ofDays(14), Duration.ofDays(2)),
                Duration.ofDays(3));

        Schedule rehearsal = Schedule.rehearse(past, Duration.ofMinutes(5), NOW);

        // The period is taken as 21 days, so 14 days become two thirds of five minutes.
        assertThat(rehearsal.reminders()).containsExactly(Duration.ofSeconds(200), Duration.ofMillis(28_571));
        assertThat(rehearsal.chase()).isEqualTo(Duration.ofMillis(42_857));
        assertThat(rehearsal.deadline()).isEqualTo(NOW.plus(Duration.ofMinutes(5)));
    }

    @Test
    void rehearsalOfAFutureDeadlineWithoutOpeningDateScalesTheTimeFromNow() {
        Definition future = definition(null, "2025-07-01T12:00:00Z", List.of(Duration.ofDays(15)), null);

        Schedule rehearsal = Schedule.rehearse(future, Duration.ofMinutes(10), NOW);

        assertThat(rehearsal.reminders()).containsExactly(Duration.ofMinutes(5));
        assertThat(rehearsal.chase()).isNull();
    }

    @Test
    void rehearsedOffsetsKeepAtLeastOneSecond() {
        Definition year = definition("2025-01-01T00:00:00Z", "2026-01-01T00:00:00Z", List.of(Duration.ofSeconds(30)),
                Duration.ofMinutes(1));

        Schedule rehearsal = Schedule.rehearse(year, Duration.ofMinutes(1), NOW);

        assertThat(rehearsal.reminders()).containsExactly(Duration.ofSeconds(1));
        assertThat(rehearsal.chase()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void realRoundOpensNowAndHasItsReportDueAtNineInTheRoundsTimeZone() {
        Definition real = definition(null, "2025-08-29T17:00:00+01:00", List.of(Duration.ofDays(7)), null);

        Schedule schedule = Schedule.of(real, NOW);

        assertThat(schedule.rehearsal()).isFalse();
        assertThat(schedule.opens()).isEqualTo(NOW);
        assertThat(schedule.deadline()).isEqualTo(Instant.parse("2025-08-29T16:00:00Z"));
        assertThat(schedule.reminders()).containsExactly(Duration.ofDays(7));
        assertThat(schedule.reportDue()).isEqualTo(Instant.parse("2025-09-10T08:00:00Z"));
        assertThat(schedule.periodLength()).isEqualTo(Duration.ofDays(89).plusHours(4));
    }

    private static Definition definition(String opens, String deadline, List<Duration> reminders, Duration chase) {
        return new Definition("parks", "Parks", null, null, new Definition.Coordinator("Sam", "sam@example.org"),
                ZoneId.of("Europe/London"), opens == null ? null : OffsetDateTime.parse(opens),
                OffsetDateTime.parse(deadline), reminders, chase, LocalDate.of(2025, 9, 10), List.of(), List.of(),
                List.of());
    }

    private static double[] seconds(List<Duration> durations) {
        return durations.stream().mapToDouble(d -> d.toMillis() / 1000.0).toArray();
    }
}
