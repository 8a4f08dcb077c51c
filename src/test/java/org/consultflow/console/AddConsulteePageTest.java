package org.consultflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddConsulteePageTest {

    @Test
    void aProblemReadsAsASentenceAboutItsField() {
        assertThat(AddConsulteePage.sentence("The email address", "must be an address mail can be sent to"))
                .isEqualTo("The email address must be an address mail can be sent to");
        assertThat(AddConsulteePage.sentence("The id", "\"blaby\" is already the id of a consultee of this round"))
                .isEqualTo("\"blaby\" is already the id of a consultee of this round");
        assertThat(AddConsulteePage.sentence("The group", "there is no group \"x\"; the groups are: a, b"))
                .isEqualTo("There is no group \"x\"; the groups are: a, b");
    }
}
