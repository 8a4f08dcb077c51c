package org.consultflow.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the prod profile with a missing variable, a demo or weak credential, a link that points at this
 * machine, or an embedded part switched on. It runs on the environment alone, before the context exists, so a refused
 * start has not created a table, a topic or a user. Every problem is listed at once (see
 * {@link UnsafeProductionSettingsAnalyzer}), so an operator fixes them in one go.
 */
class ProductionSafety implements EnvironmentPostProcessor, Ordered {

    private static final List<String> REQUIRED = List.of("spring.datasource.url", "spring.kafka.bootstrap-servers",
            "spring.mail.host");
    private static final String NOT_ABSOLUTE = " must be an absolute http(s) URL such as https://consult.example.org";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "0.0.0.0", "[::1]");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of("prod"))) {
            return;
        }
        var problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new UnsafeProductionSettings(problems);
        }
    }

    /** After the profile's own files are read, so their placeholders are what is checked. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static List<String> problems(Environment environment) {
        var settings = new ProductionSettings(environment);
        var problems = new ArrayList<String>();
        for (var property : REQUIRED) {
            required(settings.get(property)).ifPresent(problems::add);
        }
        // The users seeded into Camunda's identity service, the one user store, at every start.
        settings.passwordsOf("consultflow.camunda.coordinators")
                .forEach(password -> secret(password, WeakSecrets.MIN_PASSWORD_LENGTH, problems));
        secret(settings.get("camunda.bpm.admin-user.password"), WeakSecrets.MIN_PASSWORD_LENGTH, problems);
        var oidcIssuer = settings.get("consultflow.oidc.issuer-uri");
        if (!oidcIssuer.isUnset() && !oidcIssuer.isBlank()) {
            required(settings.get("consultflow.oidc.client-id")).ifPresent(problems::add);
            secret(settings.get("consultflow.oidc.client-secret"), WeakSecrets.MIN_PASSWORD_LENGTH, problems);
        }
        secret(settings.get("spring.datasource.password"), WeakSecrets.MIN_PASSWORD_LENGTH, problems);
        if ("true".equalsIgnoreCase(settings.get("spring.mail.properties.mail.smtp.auth").value())) {
            secret(settings.get("spring.mail.password"), WeakSecrets.MIN_PASSWORD_LENGTH, problems);
        }
        if ("true".equalsIgnoreCase(settings.get("consultflow.replies.enabled").value())) {
            // The reply mailbox holds consultees' mail: read it with a real account, and tell consultees where it is.
            for (var property : List.of("consultflow.replies.host", "consultflow.replies.username", "consultflow.mail.reply-to")) {
                required(settings.get(property)).ifPresent(problems::add);
            }
            secret(settings.get("consultflow.replies.password"), WeakSecrets.MIN_PASSWORD_LENGTH, problems);
        }
        secret(settings.get("consultflow.links.secret"), WeakSecrets.MIN_KEY_LENGTH, problems);
        baseUrl(settings.get("consultflow.links.base-url"), problems);
        for (var part : List.of("kafka", "mail")) {
            var enabled = settings.get("consultflow.embedded." + part + ".enabled");
            if ("true".equalsIgnoreCase(enabled.value())) {
                problems.add(enabled.name() + " is true: production uses no embedded " + part + " server");
            }
        }
        return problems;
    }

    private static Optional<String> required(Setting setting) {
        if (setting.isUnset()) {
            return Optional.of(setting.notSet());
        }
        return setting.isBlank() ? Optional.of(setting.name() + " is empty") : Optional.empty();
    }

    private static void secret(Setting setting, int minLength, List<String> problems) {
        if (setting.isUnset()) {
            problems.add(setting.notSet());
            return;
        }
        WeakSecrets.weakness(setting.value(), minLength).ifPresent(why -> problems.add(setting.name() + " " + why));
    }

    private static void baseUrl(Setting setting, List<String> problems) {
        var missing = required(setting);
        if (missing.isPresent()) {
            problems.add(missing.get());
            return;
        }
        try {
            var uri = new URI(setting.value().strip());
            var host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
            if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?") || host == null) {
                problems.add(setting.name() + NOT_ABSOLUTE);
            } else if (LOCAL_HOSTS.contains(host) || host.endsWith(".localhost")) {
                problems.add(setting.name() + " points at " + host + ", which consultees cannot reach from the links"
                        + " in their mails");
            }
        } catch (URISyntaxException e) {
            problems.add(setting.name() + NOT_ABSOLUTE);
        }
    }
}
