package org.consultflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NewRoundPageTest {

    @Test
    void aRehearsalLengthIsAWholeNumberOfMinutesUpToAYear() {
        assertThat(NewRoundPage.rehearsalProblem("30")).isNull();
        assertThat(NewRoundPage.rehearsalProblem(" 525600 ")).isNull();
        assertThat(NewRoundPage.rehearsalProblem("")).isEqualTo("Enter how many minutes the rehearsal should run");
        assertThat(NewRoundPage.rehearsalProblem("PT5M")).contains("whole number of minutes");
        assertThat(NewRoundPage.rehearsalProblem("0")).contains("between 1 minute and");
        assertThat(NewRoundPage.rehearsalProblem("525601")).contains("between 1 minute and");
    }
}
