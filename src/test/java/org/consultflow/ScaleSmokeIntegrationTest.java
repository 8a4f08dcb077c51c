package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The scale benchmark's round at 200 consultees, in every build: it checks that fan-out, a reminder wave, ingestion
 * through Kafka and close to draft report work together at more than a handful of consultees. It asserts correctness
 * only; its timings are printed but never checked, and the baselines are skipped.
 */
class ScaleSmokeIntegrationTest extends ScaleRun {

    static final int CONSULTEES = 200;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        // A database of its own: the drafted round waits for review, and its jobs must not reach other contexts.
        TestDatabases.postgres(registry, "scale_smoke");
        // One chunk of 50 per job run: the round's start goes through four runs, each a job of its own.
        registry.add("consultflow.engagement.start-budget", () -> "PT0.001S");
        registry.add("consultflow.engagement.start-chunk", () -> "50");
    }

    @Test
    void invitesRemindsRecordsAndReportsOnTwoHundredConsultees() throws Exception {
        try {
            round(figures.size(CONSULTEES), CONSULTEES, Duration.ofSeconds(20));
            var round = history.createHistoricProcessInstanceQuery().processDefinitionKey("consultation-round")
                    .processInstanceBusinessKey("scale-" + CONSULTEES).singleResult();
            assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(round.getId())
                    .activityId("Activity_StartEngagements").count()).as("one run per chunk of 50").isEqualTo(4);
        } finally {
            System.out.println(figures.table());
        }
    }
}
