package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two ConsultFlow JVMs sharing one PostgreSQL, one broker and one SMTP server, as two replicas do: the seed round runs
 * through invitations, reminders, chase calls, responses, the deadline and the draft, and each timer fires once, each
 * response is recorded once and each mail is sent once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIntegrationTest {

    static final String KEY = "twins";

    OutsideServices outside;
    TestDatabases.Database database;

    @BeforeAll
    void services() {
        outside = new OutsideServices();
        database = TestDatabases.create("twins");
    }

    @AfterAll
    void stop() {
        outside.close();
    }

    @Test
    void eachTimerFiresOnceEachResponseIsRecordedOnceAndEachMailIsSentOnce() throws Exception {
        try (var first = outside.app("twin-1", database); var second = outside.app("twin-2", database)) {
            first.start();
            second.start();
            var started = outside.start(first, OutsideServices.seed(KEY), "?rehearsal=PT50S");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> outside.mails("Invitation").size() >= 20);
            // The second replica's consumer joins the group some seconds after the replica has started, and the
            // invitations can all be out before that: publish once the group has given it partitions too.
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(Path.of("target/app-twin-2.log"))
                    .contains("responses: partitions assigned"));

            // Keyed by consultee, as a partner might: the records spread over the partitions, so both consumers work.
            var respondents = List.of("blaby", "charnwood", "leicestershire-county-council", "big-lottery-fund",
                    "arts-council-east-midlands", "sports-partnership", "community-foundation", "melton");
            for (var consultee : respondents) {
                outside.publish(consultee, "/partner", "twin-" + consultee, KEY, consultee, Map.of("preference", "b"));
                outside.publish(consultee, "/partner", "twin-" + consultee, KEY, consultee, Map.of("preference", "b"));
            }

            await().atMost(Duration.ofSeconds(120)).until(() -> OutsideServices.count(database,
                    "select count(*) from round where round_key = 'twins' and status = 'REPORT_DRAFTED'") == 1);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    OutsideServices.distinct(outside.mails("received your")) == respondents.size());

            var invitations = outside.mails("Invitation");
            var reminders = outside.mails("Reminder");
            var receipts = outside.mails("received your");
            var drafts = outside.mails("Draft report ready");
            System.out.printf("Two instances: %d invitations, %d reminders, %d receipts, %d draft-ready mails, %d chase "
                    + "calls, each once%n", invitations.size(), reminders.size(), receipts.size(), drafts.size(),
                    OutsideServices.count(database, "select count(*) from act_hi_taskinst where task_def_key_ = "
                            + "'Activity_ChaseConsultee'"));
            assertThat(invitations).hasSize(20).hasSize(OutsideServices.distinct(invitations));
            assertThat(receipts).hasSize(respondents.size()).hasSize(OutsideServices.distinct(receipts));
            assertThat(reminders).isNotEmpty().hasSize(OutsideServices.distinct(reminders));
            assertThat(reminders.size()).as("every reminder mail is one counted reminder")
                    .isEqualTo(OutsideServices.count(database, "select sum(reminders_sent) from engagement"));
            assertThat(drafts).hasSize(1);
            assertThat(OutsideServices.count(database, "select count(*) from response")).isEqualTo(respondents.size());
            assertThat(OutsideServices.count(database, "select version from report where round_key = 'twins'"))
                    .as("closed and drafted once").isEqualTo(1);
            assertThat(OutsideServices.count(database, """
                    select count(*) - count(distinct proc_inst_id_) from act_hi_taskinst
                     where task_def_key_ = 'Activity_ChaseConsultee'"""))
                    .as("one chase call per silent district council at most").isZero();
            assertThat(OutsideServices.count(database,
                    "select count(*) from act_hi_taskinst where task_def_key_ = 'Activity_ChaseConsultee'"))
                    .as("the silent district councils were chased").isPositive();
            assertThat(Files.readString(Path.of("target/app-twin-1.log"))).contains("Recorded response");
            assertThat(Files.readString(Path.of("target/app-twin-2.log"))).as("both replicas took responses")
                    .contains("Recorded response");
        }
    }
}
