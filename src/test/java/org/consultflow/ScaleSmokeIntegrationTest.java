package org.consultflow;

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
    }

    @Test
    void invitesRemindsRecordsAndReportsOnTwoHundredConsultees() throws Exception {
        try {
            round(figures.size(CONSULTEES), CONSULTEES, Duration.ofSeconds(20));
        } finally {
            System.out.println(figures.table());
        }
    }
}
