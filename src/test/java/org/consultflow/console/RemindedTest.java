package org.consultflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definitions;
import org.consultflow.engagement.Reminders;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RemindedTest {

    static Definition seed;

    @BeforeAll
    static void readSeed() throws Exception {
        seed = new Definitions(Clock.systemUTC())
                .read(Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml")), true);
    }

    @Test
    void theBannerNamesWhoIsRemindedAndWhoIsSkippedWithWhy() {
        var reminded = Reminded.of(new Reminders.RemindersQueued(List.of("blaby", "melton"),
                List.of(new Reminders.Skipped("charnwood", "has responded"))), seed);

        assertThat(reminded.heading()).isEqualTo("Reminders on the way to 2 consultees");
        assertThat(reminded.queued()).containsExactly("Blaby District Council", "Melton Borough Council");
        assertThat(reminded.skipped()).containsExactly("Charnwood Borough Council: has responded");
    }

    @Test
    void nobodyRemindedIsSaidPlainly() {
        var reminded = Reminded.of(new Reminders.RemindersQueued(List.of(),
                List.of(new Reminders.Skipped("charnwood", "has responded"))), seed);

        assertThat(reminded.heading()).isEqualTo("No reminders sent: nobody chosen is still to respond");
    }
}
