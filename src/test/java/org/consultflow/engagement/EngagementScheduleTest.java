package org.consultflow.engagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Round;
import org.consultflow.consultation.RoundStatus;
import org.consultflow.consultation.Schedule;
import org.junit.jupiter.api.Test;

class EngagementScheduleTest {

    static final Instant OPENS = Instant.parse("2007-02-14T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2007-04-30T22:59:59Z");

    @Test
    void remindersFallDueEarliestFirstWhateverTheOrderWritten() {
        var round = round(RoundStatus.OPEN, List.of(Duration.ofDays(2), Duration.ofDays(14), Duration.ofDays(7)));

        assertThat(EngagementSchedule.dueTimes(round)).containsExactly(
                DEADLINE.minus(Duration.ofDays(14)), DEADLINE.minus(Duration.ofDays(7)),
                DEADLINE.minus(Duration.ofDays(2)));
    }

    @Test
    void theNextReminderIsTheFirstSlotNotYetUsed() {
        var round = round(RoundStatus.OPEN, List.of(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(2)));

        assertThat(EngagementSchedule.pendingSlot(round, engagement(OPENS, 0, null, true))).hasValue(0);
        assertThat(EngagementSchedule.pendingSlot(round, engagement(OPENS, 2, null, true))).hasValue(2);
        assertThat(EngagementSchedule.pendingSlot(round, engagement(OPENS, 3, null, true))).isEmpty();
    }

    @Test
    void remindsNobodyWhoHasResponded() {
        var round = round(RoundStatus.OPEN, List.of(Duration.ofDays(14), Duration.ofDays(7)));

        assertThat(EngagementSchedule.pendingSlot(round, engagement(OPENS, 0, OPENS.plusSeconds(60), true)))
                .isEmpty();
    }

    @Test
    void remindsNobodyOnceTheRoundHasClosed() {
        var round = round(RoundStatus.CLOSED, List.of(Duration.ofDays(14)));

        assertThat(EngagementSchedule.pendingSlot(round, engagement(OPENS, 0, null, true))).isEmpty();
    }

    @Test
    void skipsRemindersWhoseTimeHadPassedWhenTheConsulteeWasInvited() {
        var round = round(RoundStatus.OPEN, List.of(Duration.ofDays(14), Duration.ofDays(7), Duration.ofDays(2)));
        var invitedLate = DEADLINE.minus(Duration.ofDays(10));

        assertThat(EngagementSchedule.pendingSlot(round, engagement(invitedLate, 0, null, true))).hasValue(1);
    }

    @Test
    void chasesOnlyRequiredConsulteesInvitedBeforeTheChaseTime() {
        var round = round(RoundStatus.OPEN, List.of());

        assertThat(EngagementSchedule.chaseNeeded(round, engagement(OPENS, 0, null, true))).isTrue();
        assertThat(EngagementSchedule.chaseNeeded(round, engagement(OPENS, 0, null, false))).isFalse();
        assertThat(EngagementSchedule.chaseNeeded(round, engagement(DEADLINE.minus(Duration.ofDays(1)), 0, null,
                true))).isFalse();
        assertThat(EngagementSchedule.chaseAt(round)).isEqualTo(DEADLINE.minus(Duration.ofDays(3)));
    }

    private static Round round(RoundStatus status, List<Duration> reminders) {
        var definition = new Definition("r", "Round", "", List.of(), new Definition.Coordinator("C", "c@example.org"),
                ZoneId.of("Europe/London"), null, null, reminders, Duration.ofDays(3), null, List.of(), List.of(),
                List.of());
        var schedule = new Schedule(OPENS, DEADLINE, reminders, Duration.ofDays(3), null, false);
        return new Round(definition, status, schedule, null, null);
    }

    private static Engagement engagement(Instant invitedAt, int cursor, Instant respondedAt, boolean required) {
        return new Engagement("r", "c", "g", required, invitedAt, cursor, 0, respondedAt, null, null, null, null);
    }
}
