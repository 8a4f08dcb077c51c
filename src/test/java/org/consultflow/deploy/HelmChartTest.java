package org.consultflow.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import org.consultflow.platform.ExportedMetrics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart in helm/ as an operator meets it: linted, rendered with its defaults and with a full production values
 * file, refusing at render time what would run broken or leak a secret. Helm runs in-process (helm-java).
 */
class HelmChartTest {

    static final Path CHART = Path.of("helm");
    static final Path PRODUCTION = CHART.resolve("ci/production-values.yaml");
    static final Path DASHBOARD = CHART.resolve("dashboards/consultflow.json");
    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    /** What application-prod.yaml and the README's "Configure it" say production reads. */
    static final List<String> PROD_VARIABLES = List.of("SPRING_PROFILES_ACTIVE", "CONSULTFLOW_DB_URL",
            "CONSULTFLOW_DB_USER", "CONSULTFLOW_DB_PASSWORD", "CONSULTFLOW_KAFKA_BOOTSTRAP_SERVERS",
            "CONSULTFLOW_KAFKA_SECURITY_PROTOCOL", "CONSULTFLOW_KAFKA_SASL_MECHANISM", "CONSULTFLOW_KAFKA_SASL_JAAS_CONFIG",
            "SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "SPRING_KAFKA_SSL_TRUSTSTOREPASSWORD", "CONSULTFLOW_KAFKA_REPLICAS",
            "CONSULTFLOW_KAFKA_MIN_INSYNC_REPLICAS", "CONSULTFLOW_SMTP_HOST", "CONSULTFLOW_SMTP_PORT",
            "CONSULTFLOW_SMTP_USER", "CONSULTFLOW_SMTP_PASSWORD", "CONSULTFLOW_SMTP_AUTH", "CONSULTFLOW_SMTP_STARTTLS",
            "CONSULTFLOW_PUBLIC_BASE_URL", "CONSULTFLOW_LINK_SECRET", "CONSULTFLOW_COORDINATOR_USER",
            "CONSULTFLOW_COORDINATOR_PASSWORD", "CONSULTFLOW_CAMUNDA_ADMIN_USER", "CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD",
            "CONSULTFLOW_SECURE_COOKIES", "CONSULTFLOW_MANAGEMENT_PORT", "CONSULTFLOW_SHUTDOWN_TIMEOUT",
            "CONSULTFLOW_REPLIES_ENABLED", "CONSULTFLOW_REPLIES_ADDRESS", "CONSULTFLOW_REPLIES_PROTOCOL",
            "CONSULTFLOW_REPLIES_HOST", "CONSULTFLOW_REPLIES_PORT", "CONSULTFLOW_REPLIES_USER",
            "CONSULTFLOW_REPLIES_PASSWORD", "CONSULTFLOW_OIDC_ISSUER_URI", "CONSULTFLOW_OIDC_CLIENT_ID",
            "CONSULTFLOW_OIDC_CLIENT_SECRET", "CONSULTFLOW_OIDC_NAME", "CONSULTFLOW_OIDC_GROUPS_CLAIM",
            "CONSULTFLOW_OIDC_COORDINATOR_GROUPS", "CONSULTFLOW_OIDC_ADMIN_GROUPS");
    static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|JAAS).*");

    @Test
    void lintsCleanInStrictMode() {
        var lint = new Helm(CHART).lint().strict().call();

        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
        assertThat(lint.getMessages()).noneMatch(message -> message.contains("[WARNING]") || message.contains("[ERROR]"));
    }

    @Test
    void runsTwoReplicasKeepingOneThroughADrainByDefault() {
        var release = render(template -> template);

        assertThat(release.deployment().path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(release.one("PodDisruptionBudget").path("spec").path("minAvailable").asInt()).isEqualTo(1);
        assertThat(release.kinds()).contains("Deployment", "Service", "ConfigMap", "ServiceAccount",
                "PodDisruptionBudget").doesNotContain("Ingress", "HorizontalPodAutoscaler", "ServiceMonitor",
                "NetworkPolicy", "PrometheusRule", "Secret");
    }

    @Test
    void rendersAFullProductionInstallWithItsOptionalParts() {
        var release = render(template -> template.withValuesFile(PRODUCTION));

        assertThat(release.kinds()).contains("Ingress", "HorizontalPodAutoscaler", "ServiceMonitor", "NetworkPolicy",
                "PrometheusRule").doesNotContain("Secret");
        assertThat(release.dashboard().at("/metadata/namespace").asText()).isEqualTo("monitoring");
        assertThat(release.all("Ingress")).hasSize(2);
        // The autoscaler owns the replica count, so an upgrade does not reset it.
        assertThat(release.deployment().path("spec").has("replicas")).isFalse();
        assertThat(release.one("HorizontalPodAutoscaler").path("spec").path("maxReplicas").asInt()).isEqualTo(6);
        assertThat(release.container().path("image").asText()).isEqualTo("registry.example.org/consultflow/consultflow"
                + "@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
    }

    @Test
    void keepsTheCamundaLoginOnOneReplicaAndPublishesOnlyTheResponsePagesOnThePublicHost() {
        var ingresses = render(template -> template.withValuesFile(PRODUCTION)).all("Ingress");
        var staff = ingresses.get(0);
        var responses = ingresses.get(1);

        assertThat(staff.path("metadata").path("annotations").path("nginx.ingress.kubernetes.io/affinity").asText())
                .isEqualTo("cookie");
        assertThat(staff.at("/spec/rules/0/host").asText()).isEqualTo("consultflow.internal.example.org");
        assertThat(responses.at("/spec/rules/0/host").asText()).isEqualTo("consult.example.org");
        assertThat(responses.at("/spec/ingressClassName").asText()).isEqualTo("nginx-public");
        assertThat(responses.at("/spec/rules/0/http/paths").findValuesAsText("path"))
                .containsExactly("/respond", "/webjars", "/scripts", "/assets");
    }

    @Test
    void shipsTheGrafanaDashboardForTheSidecarOnlyWhenAskedTo() throws IOException {
        var shipped = JSON.readTree(DASHBOARD.toFile());
        var dashboard = render(template -> template.set("metrics.grafanaDashboard.enabled", true)).dashboard();

        assertThat(render(template -> template).all("ConfigMap")).hasSize(1);
        assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
        assertThat(dashboard.at("/metadata/namespace").asText()).isEqualTo("consult");
        assertThat(JSON.readTree(dashboard.at("/data/consultflow.json").asText())).isEqualTo(shipped);
        assertThat(shipped.path("title").asText()).isEqualTo("ConsultFlow");
    }

    @Test
    void dashboardGraphsEveryFigureConsultFlowExportsAndNothingItDoesNot() throws IOException {
        var shipped = JSON.readTree(DASHBOARD.toFile());
        var queried = new TreeSet<String>();
        shipped.findValuesAsText("expr").forEach(expr -> queried.addAll(metricNames(expr)));
        var variable = Pattern.compile("label_values\\((\\w+)");
        shipped.at("/templating/list").findValuesAsText("definition")
                .forEach(query -> variable.matcher(query).results().forEach(match -> queried.add(match.group(1))));

        assertThat(queried).containsExactlyInAnyOrderElementsOf(ExportedMetrics.names());
    }

    /**
     * The metric names in a PromQL expression: what is left once strings, label matchers, ranges and grouping clauses
     * are gone, and is not a function (followed by a parenthesis) or a number.
     */
    static Set<String> metricNames(String expr) {
        var bare = expr.replaceAll("\"[^\"]*\"", "").replaceAll("\\{[^}]*\\}", "").replaceAll("\\[[^]]*\\]", "")
                .replaceAll("\\b(by|without)\\s*\\([^)]*\\)", "");
        var names = new TreeSet<String>();
        Pattern.compile("\\b[a-zA-Z_:][\\w:]*\\b(?!\\s*\\()").matcher(bare).results()
                .forEach(match -> names.add(match.group()));
        return names;
    }

    @Test
    void passesEveryVariableTheProdProfileReads() {
        var release = render(template -> template.withValuesFile(PRODUCTION));

        assertThat(release.environment()).containsAll(PROD_VARIABLES);
        assertThat(release.configMap().path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("prod");
    }

    @Test
    void takesEverySecretFromAnExistingSecretAndNeverWritesOneIntoTheRelease() {
        for (var release : List.of(render(t -> t), render(t -> t.withValuesFile(PRODUCTION)))) {
            var env = release.container().path("env");
            var secrets = StreamSupport.stream(env.spliterator(), false)
                    .filter(variable -> SECRET_NAME.matcher(variable.path("name").asText()).matches()).toList();

            assertThat(secrets).isNotEmpty().allSatisfy(variable -> {
                assertThat(variable.has("value")).as(variable.toString()).isFalse();
                assertThat(variable.at("/valueFrom/secretKeyRef/name").asText()).isNotBlank();
            });
            assertThat(release.configMap().fieldNames()).toIterable()
                    .noneMatch(name -> SECRET_NAME.matcher(name).matches());
            assertThat(release.kinds()).doesNotContain("Secret");
        }
    }

    @Test
    void probesSpringBootsHealthGroupsOnTheManagementPort() {
        var container = render(template -> template).container();

        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.findValuesAsText("port")).containsOnly("management");
        assertThat(container.path("ports").findValuesAsText("name")).containsExactly("http", "management");
    }

    @Test
    void runsAsNonRootOnAReadOnlyFilesystemWithAWritableTmpAndNoCapabilities() {
        var release = render(template -> template);
        var container = release.container().path("securityContext");
        var pod = release.deployment().at("/spec/template/spec");

        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.path("runAsUser").asInt()).isPositive();
        assertThat(container.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.path("allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(container.at("/capabilities/drop/0").asText()).isEqualTo("ALL");
        assertThat(release.container().path("volumeMounts").findValuesAsText("mountPath")).contains("/tmp");
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
    }

    @Test
    void givesGracefulShutdownTimeToFinishBeforeKubernetesKillsThePod() {
        var release = render(template -> template);
        var pod = release.deployment().at("/spec/template/spec");
        var preStop = release.container().at("/lifecycle/preStop/exec/command/1").asInt();

        assertThat(release.configMap().path("CONSULTFLOW_SHUTDOWN_TIMEOUT").asText()).isEqualTo("45s");
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(preStop + 45);
    }

    @Test
    void rollsThePodsWhenTheConfigurationChanges() {
        var before = render(template -> template).podAnnotation("checksum/config");
        var after = render(template -> template.set("mail.host", "relay.example.org")).podAnnotation("checksum/config");

        assertThat(before).isNotBlank().isNotEqualTo(after);
    }

    /**
     * helm-java returns neither the hooks from template nor from a dry-run install, so the hook is read as shipped
     * (lint renders it); the install's notes must point the operator at it.
     */
    @Test
    void helmTestChecksThatTheServiceAnswersReady() throws IOException {
        var hook = Files.readString(CHART.resolve("templates/tests/test-readiness.yaml"));
        var notes = new Helm(CHART).install().withName("cf").withNamespace("consult").withKubeVersion("1.31.0")
                .clientOnly().dryRun().call().getOutput();

        assertThat(hook).contains("helm.sh/hook: test", "/actuator/health/readiness", ".Values.service.ports.management");
        assertThat(notes).contains("helm test cf -n consult");
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', textBlock = """
            database.url            | jdbc:h2:mem:consultflow | database.url is an H2 database, which lives inside a single pod; 2 replicas
            database.existingSecret | ''                      | database.existingSecret is required
            admin.existingSecret    | ''                      | admin.existingSecret is required
            linkSecret.existingSecret | ''                    | linkSecret.existingSecret is required
            mail.existingSecret     | ''                      | mail.existingSecret is required while mail.auth is true
            replies.enabled         | true                    | replies.enabled needs replies.host, replies.address and replies.existingSecret
            oidc.issuerUri          | https://id.example.org  | oidc.issuerUri needs oidc.clientId and oidc.existingSecret
            database.password       | hunter2-hunter2         | a secret was given inline (database.password)
            kafka.security.sasl.jaasConfig | x                | a secret was given inline (kafka.security.sasl.jaasConfig)
            extraEnvVars[0].name    | CONSULTFLOW_LINK_SECRET | extraEnvVars CONSULTFLOW_LINK_SECRET carries a secret inline
            kafka.security.protocol | SASL_SSL                | kafka.security.sasl.existingSecret is required with kafka.security.protocol SASL_SSL
            terminationGracePeriodSeconds | 30                | terminationGracePeriodSeconds (30) must be longer than preStopDelaySeconds + shutdownTimeoutSeconds (55)
            """)
    void refusesToRenderWhatWouldRunBrokenOrLeakASecret(String key, String value, String message) {
        UnaryOperator<TemplateCommand> values = template -> key.startsWith("extraEnvVars")
                ? template.set(key, value).set("extraEnvVars[0].value", "inline")
                : template.set(key, value);

        assertThatThrownBy(() -> render(values)).hasMessageContaining("consultflow: " + message);
    }

    @Test
    void allowsH2ForASingleReplica() {
        var release = render(template -> template.set("database.url", "jdbc:h2:mem:try").set("replicaCount", 1));

        assertThat(release.deployment().path("spec").path("replicas").asInt()).isEqualTo(1);
    }

    @Test
    void schemaRefusesAValueOfTheWrongType() {
        assertThatThrownBy(() -> render(template -> template.set("replicaCount", "two")))
                .hasMessageContaining("replicaCount").hasMessageContaining("integer");
        assertThatThrownBy(() -> render(template -> template.set("kafka.security.protocol", "TLS")))
                .hasMessageContaining("/kafka/security/protocol");
        assertThatThrownBy(() -> render(template -> template.set("replicaCont", 3)))
                .hasMessageContaining("replicaCont");
    }

    @Test
    void documentsEveryValue() throws IOException {
        var documented = new TreeSet<String>();
        var param = Pattern.compile("^\\s*## @param (\\S+) \\S.*$", Pattern.MULTILINE).matcher(
                Files.readString(CHART.resolve("values.yaml")));
        while (param.find()) {
            documented.add(param.group(1));
        }
        var undocumented = new TreeSet<String>();
        collectUndocumented("", YAML.readTree(CHART.resolve("values.yaml").toFile()), documented, undocumented);

        assertThat(undocumented).isEmpty();
    }

    /** A value is documented by its own @param or by one for the map that holds it (annotations, selectors). */
    private static void collectUndocumented(String path, JsonNode node, Set<String> documented, Set<String> out) {
        if (documented.contains(path)) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            node.fields().forEachRemaining(field -> collectUndocumented(
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), documented, out));
        } else {
            out.add(path);
        }
    }

    static Release render(UnaryOperator<TemplateCommand> values) {
        var manifests = values.apply(new Helm(CHART).template().withName("cf").withNamespace("consult")
                .withKubeVersion("1.31.0")).call();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifests)) {
            return new Release(documents.readAll().stream().filter(doc -> doc != null && doc.has("kind")).toList());
        } catch (IOException e) {
            throw new IllegalStateException("helm template rendered no valid YAML:\n" + manifests, e);
        }
    }

    record Release(List<JsonNode> manifests) {

        List<String> kinds() {
            return manifests.stream().map(manifest -> manifest.path("kind").asText()).toList();
        }

        List<JsonNode> all(String kind) {
            return manifests.stream().filter(manifest -> kind.equals(manifest.path("kind").asText())).toList();
        }

        JsonNode one(String kind) {
            var found = all(kind);
            assertThat(found).as(kind).hasSize(1);
            return found.get(0);
        }

        JsonNode deployment() {
            return one("Deployment");
        }

        JsonNode container() {
            return deployment().at("/spec/template/spec/containers/0");
        }

        /** The application's settings, not the dashboard's ConfigMap. */
        JsonNode configMap() {
            var settings = all("ConfigMap").stream()
                    .filter(map -> !map.at("/metadata/labels").has("grafana_dashboard")).toList();
            assertThat(settings).as("ConfigMap").hasSize(1);
            return settings.get(0).path("data");
        }

        JsonNode dashboard() {
            var dashboards = all("ConfigMap").stream()
                    .filter(map -> map.at("/metadata/labels").has("grafana_dashboard")).toList();
            assertThat(dashboards).as("dashboard ConfigMap").hasSize(1);
            return dashboards.get(0);
        }

        String podAnnotation(String name) {
            return deployment().at("/spec/template/metadata/annotations").path(name).asText();
        }

        /** Every variable a pod gets: from its env list and from the chart's ConfigMap. */
        Set<String> environment() {
            var names = new TreeSet<String>(container().path("env").findValuesAsText("name"));
            configMap().fieldNames().forEachRemaining(names::add);
            return names;
        }
    }
}
