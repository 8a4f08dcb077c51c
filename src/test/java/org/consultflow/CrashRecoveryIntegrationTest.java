package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code kill -9} in the middle of invitation fan-out and response ingestion, with ConsultFlow as its own JVM against a
 * KRaft broker, an SMTP server and PostgreSQL that outlive it. After the restart every response is recorded once, and
 * every invitation and receipt goes out; a mail the dead process had sent but not committed goes out again, with the
 * same Message-ID, and is counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIntegrationTest {

    static final int CONSULTEES = 300;
    /** Jobs that can be between "mail sent" and "commit" when the process dies: the job executor's threads. */
    static final int IN_FLIGHT = 8 + 1;
    static final Map<String, Object> ANSWERS = Map.of("preference", "a");

    OutsideServices outside;
    TestDatabases.Database database;

    @BeforeAll
    void services() {
        outside = new OutsideServices();
        database = TestDatabases.create("crash");
    }

    @AfterAll
    void stop() {
        outside.close();
    }

    @Test
    void nothingIsLostAndEveryRepeatIsRecognisableAfterAKillDuringFanOutAndIngestion() throws Exception {
        try (var app = outside.app("crash", database)) {
            app.start();
            var started = outside.start(app, definition(), "");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

            // Responses keep coming while the process dies and comes back: every fourth is delivered twice.
            var published = new AtomicInteger();
            var publisher = new Thread(() -> {
                for (int i = 1; i <= CONSULTEES; i++) {
                    outside.publish("crash-round", "/partner", "crash-" + i, "crash-round", consultee(i), ANSWERS);
                    if (i % 4 == 0) {
                        outside.publish("crash-round", "/partner", "crash-" + i, "crash-round", consultee(i), ANSWERS);
                    }
                    published.incrementAndGet();
                    pause(25);
                }
            });
            publisher.start();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> outside.mails("Invitation").size() >= 40 && recorded() >= 40);
            app.kill();
            var atKill = "invitations " + outside.mails("Invitation").size() + ", responses recorded " + recorded()
                    + " of " + published.get() + " published";

            var ready = app.start();
            publisher.join();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    OutsideServices.distinct(outside.mails("Invitation")) == CONSULTEES
                            && OutsideServices.distinct(outside.mails("received your")) == CONSULTEES);
            var caughtUp = Duration.between(ready, Instant.now());

            assertThat(recorded()).as("every response recorded").isEqualTo(CONSULTEES);
            assertThat(distinctResponses()).as("each exactly once").isEqualTo(CONSULTEES);
            var invitations = outside.mails("Invitation");
            var receipts = outside.mails("received your");
            var repeatedInvitations = invitations.size() - OutsideServices.distinct(invitations);
            var repeatedReceipts = receipts.size() - OutsideServices.distinct(receipts);
            System.out.printf("Crash recovery: at kill %s; after restart all caught up in %d s; invitations %d sent, "
                    + "%d repeated; receipts %d sent, %d repeated; lost 0%n", atKill, caughtUp.toSeconds(),
                    invitations.size(), repeatedInvitations, receipts.size(), repeatedReceipts);
            assertThat(repeatedInvitations + repeatedReceipts).as("repeats only from the crash window")
                    .isLessThanOrEqualTo(IN_FLIGHT);
        }
    }

    // --- the outside world ---

    private static String consultee(int i) {
        return "c%04d".formatted(i);
    }

    private static String definition() {
        var consultees = IntStream.rangeClosed(1, CONSULTEES)
                .mapToObj(i -> "  - {id: %s, organisation: Organisation %d, group: org, contact: {email: %s@example.org}}"
                        .formatted(consultee(i), i, consultee(i)))
                .collect(Collectors.joining("\n"));
        return """
                key: crash-round
                title: Crash round
                coordinator: {name: Sam Reed, email: sam.reed@example.org}
                timezone: Europe/London
                deadline: 2099-01-01T12:00:00Z
                questions:
                  - {id: preference, type: CHOICE, text: "Which model?", options: [{id: a, label: Model A}, {id: b, label: Model B}]}
                groups:
                  - {id: org, label: Organisations}
                sources:
                  - {source: /partner, groups: [org]}
                consultees:
                """ + consultees + "\n";
    }

    private int recorded() throws Exception {
        return OutsideServices.count(database, "select count(*) from response where round_key = 'crash-round'");
    }

    private int distinctResponses() throws Exception {
        return OutsideServices.count(database,
                "select count(distinct consultee_id) from response where round_key = 'crash-round'");
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
