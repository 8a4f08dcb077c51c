package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ProductionSafetyTest {

    static final String PRIVATE_SECRET = "f3b1c8e2a9d74c5fb0e6a1d2c3b4a5f6e7d8c9b0";

    @Test
    void refusesDemoPasswordsAndSecrets() {
        var safety = new ProductionSafety(
                new SecuritySettings(List.of(new SecuritySettings.User("coordinator", "coordinator", List.of()))),
                new PublicLinks("https://consult.example.org", "local-demo-link-secret-do-not-use-in-production"),
                new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "admin")
                        .withProperty("consultflow.embedded.kafka.enabled", "true"));

        assertThatThrownBy(safety::afterPropertiesSet)
                .hasMessageContaining("user 'coordinator' has a demo password")
                .hasMessageContaining("consultflow.links.secret")
                .hasMessageContaining("Camunda admin user")
                .hasMessageContaining("embedded kafka");
    }

    @Test
    void refusesAShortLinkSecret() {
        var safety = new ProductionSafety(
                new SecuritySettings(List.of(new SecuritySettings.User("coord", "{bcrypt}$2a$10$abc", List.of()))),
                new PublicLinks("https://consult.example.org", "too-short"), new MockEnvironment());

        assertThatThrownBy(safety::afterPropertiesSet).hasMessageContaining("at least 32 characters");
    }

    @Test
    void startsWithPrivateCredentials() {
        var safety = new ProductionSafety(
                new SecuritySettings(List.of(new SecuritySettings.User("coord", "{bcrypt}$2a$10$abc", List.of()))),
                new PublicLinks("https://consult.example.org", PRIVATE_SECRET),
                new MockEnvironment().withProperty("camunda.bpm.admin-user.password", "s3cret-Admin-pass"));

        assertThatCode(safety::afterPropertiesSet).doesNotThrowAnyException();
    }
}
