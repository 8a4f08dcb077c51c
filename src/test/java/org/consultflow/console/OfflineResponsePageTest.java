package org.consultflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definitions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OfflineResponsePageTest {

    static Definition seed;

    @BeforeAll
    static void readSeed() throws Exception {
        seed = new Definitions(Clock.systemUTC())
                .read(Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml")), true);
    }

    @Test
    void problemsFoundByTheSharedResponseCheckAreShownAtTheirQuestion() {
        assertThat(OfflineResponsePage.field(seed, "'d' is not an option of question 'preference'"))
                .as("a choice's error goes to its first radio").isEqualTo("q-preference-a");
        assertThat(OfflineResponsePage.field(seed, "answer to 'role' is longer than 20000 characters"))
                .isEqualTo("q-role");
        assertThat(OfflineResponsePage.field(seed, "no answers")).isEqualTo("q-role");
    }

    @Test
    void problemsWithTheDetailsAreShownAtTheirField() {
        assertThat(OfflineResponsePage.field(seed, "receivedAt is in the future")).isEqualTo("received-day");
        assertThat(OfflineResponsePage.field(seed, "note must be at most 1000 printable characters")).isEqualTo("note");
        assertThat(OfflineResponsePage.field(seed, "respondent email 'x' is not an address mail can be sent to"))
                .isEqualTo("respondent-email");
        assertThat(OfflineResponsePage.field(seed, "unknown consultee 'x' in round 'y'")).isEqualTo("consultee");
    }
}
