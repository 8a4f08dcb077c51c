package org.consultflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class DeadlinesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void writesTheTimeTheGovUkWayWithTheZoneInForceOnThatDay() {
        assertThat(Deadlines.format(ZonedDateTime.of(2007, 4, 30, 23, 59, 0, 0, LONDON)))
                .isEqualTo("11:59pm on Monday 30 April 2007 (BST)");
        assertThat(Deadlines.format(ZonedDateTime.of(2007, 1, 15, 17, 0, 0, 0, LONDON)))
                .isEqualTo("5pm on Monday 15 January 2007 (GMT)");
        assertThat(Deadlines.format(ZonedDateTime.of(2007, 4, 30, 9, 5, 0, 0, LONDON)))
                .isEqualTo("9:05am on Monday 30 April 2007 (BST)");
    }

    @Test
    void saysMiddayAndNamesTheDayThatEndsAtMidnight() {
        assertThat(Deadlines.format(ZonedDateTime.of(2007, 4, 30, 12, 0, 0, 0, LONDON)))
                .isEqualTo("midday on Monday 30 April 2007 (BST)");
        assertThat(Deadlines.format(ZonedDateTime.of(2007, 5, 1, 0, 0, 0, 0, LONDON)))
                .isEqualTo("midnight at the end of Monday 30 April 2007 (BST)");
    }

    @Test
    void showsTheDeadlineInTheZoneItCarries() {
        ZonedDateTime inBerlin = ZonedDateTime.of(2007, 4, 30, 23, 59, 0, 0, ZoneId.of("Europe/Berlin"));

        assertThat(Deadlines.format(inBerlin)).isEqualTo("11:59pm on Monday 30 April 2007 (CEST)");
    }
}
