package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class LogContextTest {

    @AfterEach
    void clear() {
        MDC.clear();
    }

    @Test
    void namesTheRoundAndConsulteeOnlyWhileTheWorkRuns() {
        try (var context = LogContext.of("r1", "blaby")) {
            assertThat(MDC.getCopyOfContextMap()).containsEntry("roundKey", "r1").containsEntry("consulteeId", "blaby");
        }

        assertThat(MDC.get("roundKey")).isNull();
        assertThat(MDC.get("consulteeId")).isNull();
    }

    @Test
    void leavesTheSurroundingWorkItsContextWhenNestedWorkEnds() {
        try (var correlation = LogContext.of("r1", "blaby")) {
            try (var acknowledgement = LogContext.of("r1", "harborough")) {
                assertThat(MDC.get("consulteeId")).isEqualTo("harborough");
            }

            assertThat(MDC.get("roundKey")).isEqualTo("r1");
            assertThat(MDC.get("consulteeId")).isEqualTo("blaby");
        }
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }
}
