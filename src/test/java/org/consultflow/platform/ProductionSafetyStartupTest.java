package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

/** A refused production start stops before any context (hence any table) exists, with a report instead of a trace. */
@ExtendWith(OutputCaptureExtension.class)
class ProductionSafetyStartupTest {

    @Configuration(proxyBeanMethods = false)
    static class NothingElse {
    }

    @Test
    void refusesBeforeTheContextIsCreatedWithTheFailureReport(CapturedOutput output) {
        var application = new SpringApplication(NothingElse.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("prod");
        var contextCreated = new AtomicBoolean();
        application.addInitializers(context -> contextCreated.set(true));

        assertThatThrownBy(application::run).isInstanceOf(UnsafeProductionSettings.class);

        assertThat(contextCreated).isFalse();
        assertThat(output).contains("APPLICATION FAILED TO START", "Description:",
                "CONSULTFLOW_DB_PASSWORD is not set (spring.datasource.password)",
                "CONSULTFLOW_COORDINATOR_PASSWORD is not set", "Action:");
    }
}
