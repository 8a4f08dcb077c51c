package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;

/** Checks the real application.yaml and application-prod.yaml against the variables an operator sets. */
class ProductionSafetyTest {

    static final String DB_PASSWORD = "Qm7#vL2p-Rk9wZ4t";

    /** What a careful operator sets; each test spoils one thing. */
    static final Map<String, String> STRONG = Map.ofEntries(
            Map.entry("CONSULTFLOW_DB_URL", "jdbc:postgresql://db.internal:5432/consultflow"),
            Map.entry("CONSULTFLOW_DB_USER", "consultflow"),
            Map.entry("CONSULTFLOW_DB_PASSWORD", DB_PASSWORD),
            Map.entry("CONSULTFLOW_KAFKA_BOOTSTRAP_SERVERS", "kafka-0.internal:9093"),
            Map.entry("CONSULTFLOW_SMTP_HOST", "smtp.internal"),
            Map.entry("CONSULTFLOW_SMTP_USER", "consultflow"),
            Map.entry("CONSULTFLOW_SMTP_PASSWORD", "Zr8!tW3n-Hy6qB1s"),
            Map.entry("CONSULTFLOW_PUBLIC_BASE_URL", "https://consult.example.org"),
            Map.entry("CONSULTFLOW_LINK_SECRET", "f3b1c8e2a9d74c5fb0e6a1d2c3b4a5f6e7d8c9b0"),
            Map.entry("CONSULTFLOW_COORDINATOR_PASSWORD", "Lx5@dP8k-Vn2cJ7e"),
            Map.entry("CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD", "Wb4$gT9m-Fs3hN6u"));

    @Test
    void startsWithStrongPrivateSettings() {
        assertThatCode(() -> check(strong())).doesNotThrowAnyException();
    }

    @Test
    void leavesTheEmbeddedStackAloneOutsideTheProdProfile() {
        var local = strong().withProperty("consultflow.links.secret", "local-demo-link-secret-do-not-use-in-production");
        local.setActiveProfiles();

        assertThatCode(() -> new ProductionSafety().postProcessEnvironment(local, new SpringApplication()))
                .doesNotThrowAnyException();
    }

    @Test
    void namesAMissingVariable() {
        var variables = new HashMap<>(STRONG);
        variables.remove("CONSULTFLOW_DB_PASSWORD");

        assertThat(problems(prodEnvironment(variables)))
                .containsExactly("CONSULTFLOW_DB_PASSWORD is not set (spring.datasource.password)");
    }

    @Test
    void refusesAnEmptySmtpPasswordWhenSmtpAuthIsOn() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_SMTP_PASSWORD", "")))
                .containsExactly("spring.mail.password (CONSULTFLOW_SMTP_PASSWORD) is empty");
    }

    @Test
    void acceptsNoSmtpPasswordWhenSmtpAuthIsOff() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_SMTP_PASSWORD", "")
                .withProperty("CONSULTFLOW_SMTP_AUTH", "false"))).isEmpty();
    }

    @Test
    void readsTheReplyMailboxOnlyWithARealAccountAndAnAddressToReplyTo() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_REPLIES_ENABLED", "true")
                .withProperty("CONSULTFLOW_REPLIES_HOST", "imap.internal")
                .withProperty("CONSULTFLOW_REPLIES_PASSWORD", "any")))
                .containsExactly("consultflow.replies.username (CONSULTFLOW_REPLIES_USER) is empty",
                        "consultflow.mail.reply-to (CONSULTFLOW_REPLIES_ADDRESS) is empty",
                        "consultflow.replies.password (CONSULTFLOW_REPLIES_PASSWORD) is shorter than 12 characters");
        assertThat(problems(strong().withProperty("CONSULTFLOW_REPLIES_ENABLED", "true")
                .withProperty("CONSULTFLOW_REPLIES_HOST", "imap.internal")
                .withProperty("CONSULTFLOW_REPLIES_USER", "replies")
                .withProperty("CONSULTFLOW_REPLIES_ADDRESS", "replies@consult.example.org")
                .withProperty("CONSULTFLOW_REPLIES_PASSWORD", "Jp6&sK1v-Qe8mT3r"))).isEmpty();
    }

    @Test
    void refusesAShortPassword() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD", "Qm7#vL2p-Rk")))
                .containsExactly("camunda.bpm.admin-user.password (CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD)"
                        + " is shorter than 12 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{noop}Coordinator", "ADMIN", "change-me", "Password-2024!", "secretsecretsecret",
            "TODO", "xxxxxxxxxxxxxxxx", "<coordinator password>", "example-example-example"})
    void refusesADemoOrPlaceholderPasswordWhateverItsCase(String password) {
        assertThat(problems(strong().withProperty("CONSULTFLOW_COORDINATOR_PASSWORD", password)))
                .containsExactly("consultflow.camunda.coordinators[0].password of user 'coordinator'"
                        + " (CONSULTFLOW_COORDINATOR_PASSWORD) is a demo or placeholder value");
    }

    @Test
    void refusesAHashBecauseCamundaHashesThePasswordItself() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_COORDINATOR_PASSWORD", "{bcrypt}$2a$10$abc")))
                .containsExactly("consultflow.camunda.coordinators[0].password of user 'coordinator'"
                        + " (CONSULTFLOW_COORDINATOR_PASSWORD) is a password hash: give the password itself, which"
                        + " Camunda stores salted and hashed");
    }

    @Test
    void signsInWithOpenIdConnectOnlyWithAClientAndAStrongSecret() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_OIDC_ISSUER_URI", "https://id.example.org/realms/council")
                .withProperty("CONSULTFLOW_OIDC_CLIENT_SECRET", "secret")))
                .containsExactly("consultflow.oidc.client-id (CONSULTFLOW_OIDC_CLIENT_ID) is empty",
                        "consultflow.oidc.client-secret (CONSULTFLOW_OIDC_CLIENT_SECRET) is a demo or placeholder value");
        assertThat(problems(strong().withProperty("CONSULTFLOW_OIDC_ISSUER_URI", "https://id.example.org/realms/council")
                .withProperty("CONSULTFLOW_OIDC_CLIENT_ID", "consultflow")
                .withProperty("CONSULTFLOW_OIDC_CLIENT_SECRET", "Tq3%hW8c-Lp5vX2d")))
                .isEmpty();
    }

    @Test
    void refusesTheDemoLinkSecret() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_LINK_SECRET",
                "local-demo-link-secret-do-not-use-in-production")))
                .containsExactly("consultflow.links.secret (CONSULTFLOW_LINK_SECRET) is a demo or placeholder value");
    }

    @Test
    void refusesALinkSecretShorterThan32Characters() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_LINK_SECRET", DB_PASSWORD)))
                .containsExactly("consultflow.links.secret (CONSULTFLOW_LINK_SECRET) is shorter than 32 characters");
    }

    @Test
    void refusesADemoDatabasePassword() {
        assertThat(problems(strong().withProperty("CONSULTFLOW_DB_PASSWORD", "{noop}password")))
                .containsExactly("spring.datasource.password (CONSULTFLOW_DB_PASSWORD) is a demo or placeholder value");
    }

    @Test
    void refusesAnEmbeddedPart() {
        assertThat(problems(strong().withProperty("consultflow.embedded.kafka.enabled", "true")))
                .containsExactly("consultflow.embedded.kafka.enabled is true: production uses no embedded kafka server");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "https://127.0.0.1", "http://consult.localhost"})
    void refusesABaseUrlOnThisMachine(String url) {
        assertThat(problems(strong().withProperty("CONSULTFLOW_PUBLIC_BASE_URL", url)))
                .singleElement().asString()
                .startsWith("consultflow.links.base-url (CONSULTFLOW_PUBLIC_BASE_URL) points at ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"consult.example.org", "/consult", "ftp://consult.example.org"})
    void refusesABaseUrlThatIsNotAnAbsoluteWebAddress(String url) {
        assertThat(problems(strong().withProperty("CONSULTFLOW_PUBLIC_BASE_URL", url)))
                .containsExactly("consultflow.links.base-url (CONSULTFLOW_PUBLIC_BASE_URL) must be an absolute"
                        + " http(s) URL such as https://consult.example.org");
    }

    @Test
    void listsEveryProblemAndNoSecretInTheFailureReport() {
        var weak = prodEnvironment(Map.of()).withProperty("CONSULTFLOW_COORDINATOR_PASSWORD", "coordinator")
                .withProperty("CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD", "Short-1")
                .withProperty("CONSULTFLOW_LINK_SECRET", "local-demo-link-secret-do-not-use-in-production")
                .withProperty("CONSULTFLOW_PUBLIC_BASE_URL", "http://localhost:8080")
                .withProperty("consultflow.embedded.mail.enabled", "true");

        var thrown = catchThrowableOfType(UnsafeProductionSettings.class, () -> check(weak));
        var analysis = new UnsafeProductionSettingsAnalyzer().analyze(thrown);

        assertThat(analysis.getDescription()).contains("with 10 problems:",
                "CONSULTFLOW_DB_URL is not set (spring.datasource.url)",
                "CONSULTFLOW_KAFKA_BOOTSTRAP_SERVERS is not set (spring.kafka.bootstrap-servers)",
                "CONSULTFLOW_SMTP_HOST is not set (spring.mail.host)",
                "CONSULTFLOW_DB_PASSWORD is not set (spring.datasource.password)",
                "spring.mail.password (CONSULTFLOW_SMTP_PASSWORD) is empty",
                "(CONSULTFLOW_COORDINATOR_PASSWORD) is a demo or placeholder value",
                "(CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD) is shorter than 12 characters",
                "(CONSULTFLOW_LINK_SECRET) is a demo or placeholder value",
                "(CONSULTFLOW_PUBLIC_BASE_URL) points at localhost",
                "consultflow.embedded.mail.enabled is true")
                .doesNotContain("Short-1", "local-demo-link-secret-do-not-use-in-production");
        assertThat(analysis.getAction()).contains("private value");
    }

    private static List<String> problems(MockEnvironment environment) {
        return ProductionSafety.problems(environment);
    }

    private static void check(MockEnvironment environment) {
        new ProductionSafety().postProcessEnvironment(environment, new SpringApplication());
    }

    private static MockEnvironment strong() {
        return prodEnvironment(STRONG);
    }

    /** The shipped files, prod before the shared defaults, behind the variables (the mock's own properties). */
    private static MockEnvironment prodEnvironment(Map<String, String> variables) {
        var environment = new MockEnvironment();
        variables.forEach(environment::setProperty);
        environment.setActiveProfiles("prod");
        try {
            var loader = new YamlPropertySourceLoader();
            for (var file : List.of("application-prod.yaml", "application.yaml")) {
                loader.load(file, new ClassPathResource(file)).forEach(environment.getPropertySources()::addLast);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return environment;
    }
}
