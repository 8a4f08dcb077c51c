package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The database unreachable for most of a minute while responses keep arriving: ConsultFlow says it is not ready,
 * holds every record on the broker meanwhile, and records each one once when the database is back — by itself.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseOutageIntegrationTest {

    static final String KEY = "outage";
    static final Duration OUTAGE = Duration.ofSeconds(45);

    OutsideServices outside;
    TestDatabases.Database direct;
    TcpProxy proxy;

    @BeforeAll
    void services() throws Exception {
        outside = new OutsideServices();
        direct = TestDatabases.create("outage");
        proxy = new TcpProxy(Integer.parseInt(direct.url().replaceFirst(".*://[^:/]+:(\\d+)/.*", "$1")));
    }

    @AfterAll
    void stop() throws Exception {
        proxy.close();
        outside.close();
    }

    @Test
    void notReadyWhileTheDatabaseIsAwayAndNothingLostWhenItIsBack() throws Exception {
        var throughProxy = new TestDatabases.Database(direct.url().replaceFirst("://([^:/]+):\\d+/", "://$1:" + proxy.port + "/"),
                direct.user(), direct.password());
        try (var app = outside.app("outage", throughProxy)) {
            app.start();
            var started = outside.start(app, OutsideServices.seed(KEY), "?rehearsal=PT20M");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> outside.mails("Invitation").size() == 20);

            proxy.cut();
            var cutAt = Instant.now();
            var consultees = new String[] {"blaby", "charnwood", "harborough", "melton", "big-lottery-fund"};
            for (var consultee : consultees) {
                outside.publish(KEY, "/partner", "outage-" + consultee, KEY, consultee, Map.of("preference", "c"));
            }
            await().atMost(OUTAGE).until(() -> outside.status(app, "/actuator/health/readiness") == 503);
            assertThat(outside.status(app, "/actuator/health/liveness")).as("alive: no restart needed").isEqualTo(200);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), cutAt.plus(OUTAGE)).toMillis()));
            assertThat(OutsideServices.count(direct, "select count(*) from response")).isZero();

            proxy.restore();
            var back = Instant.now();
            await().atMost(Duration.ofSeconds(90)).until(() -> outside.status(app, "/actuator/health/readiness") == 200
                    && OutsideServices.distinct(outside.mails("received your")) == consultees.length);
            System.out.printf("Database outage of %d s: all %d responses recorded and receipted %d s after it "
                    + "came back%n", OUTAGE.toSeconds(), consultees.length, Duration.between(back, Instant.now()).toSeconds());
            assertThat(OutsideServices.count(direct, "select count(*) from response")).isEqualTo(consultees.length);
            assertThat(OutsideServices.count(direct, "select count(*) from dead_letter"))
                    .as("an outage is not the records' fault").isZero();
            assertThat(outside.mails("received your")).hasSize(consultees.length);
        }
    }
}
