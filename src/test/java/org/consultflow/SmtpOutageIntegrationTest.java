package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The mail relay away while a round's invitations go out: nothing is marked undeliverable, no incident is raised, and
 * every invitation goes out once the relay is back, on the engine's growing retry pauses. `./mvnw verify` keeps the
 * outage short; {@code -Dconsultflow.test.smtp-outage=PT5M} makes it several minutes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmtpOutageIntegrationTest {

    static final String KEY = "smtp-outage";
    static final Duration OUTAGE = Duration.parse(System.getProperty("consultflow.test.smtp-outage", "PT40S"));

    OutsideServices outside;
    TestDatabases.Database database;

    @BeforeAll
    void services() {
        outside = new OutsideServices();
        database = TestDatabases.create("smtp_outage");
    }

    @AfterAll
    void stop() {
        outside.close();
    }

    @Test
    void invitationsWaitForTheRelayAndAllGoOutWhenItIsBack() throws Exception {
        try (var app = outside.app("smtp-outage", database)) {
            app.start();
            outside.stopSmtp();
            var started = outside.start(app, OutsideServices.seed(KEY), "?rehearsal=PT30M");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(30)).until(() -> OutsideServices.count(database,
                    "select count(*) from act_ru_job where exception_msg_ is not null") >= 20);

            Thread.sleep(OUTAGE.toMillis());
            assertThat(OutsideServices.count(database, "select count(*) from engagement where invited_at is not null"))
                    .isZero();
            outside.startSmtp();
            var back = Instant.now();

            await().atMost(OUTAGE.plus(Duration.ofMinutes(4))).pollInterval(Duration.ofSeconds(1))
                    .until(() -> outside.mails("Invitation").size() >= 20);
            System.out.printf("SMTP outage of %d s: all 20 invitations out %d s after the relay came back%n",
                    OUTAGE.toSeconds(), Duration.between(back, Instant.now()).toSeconds());
            var invitations = outside.mails("Invitation");
            assertThat(invitations).hasSize(20).hasSize(OutsideServices.distinct(invitations));
            assertThat(OutsideServices.count(database, "select count(*) from engagement where mail_failed_at is not null"))
                    .as("an outage is nobody's undeliverable address").isZero();
            assertThat(OutsideServices.count(database, "select count(*) from act_ru_incident")).isZero();
        }
    }
}
