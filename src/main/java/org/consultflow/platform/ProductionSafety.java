package org.consultflow.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the prod profile with the demo credentials of the embedded stack, or with any embedded part on.
 */
@Component
@Profile("prod")
class ProductionSafety implements InitializingBean {

    static final Set<String> DEMO_SECRETS = Set.of("coordinator", "admin", "demo", "password", "changeme",
            "local-demo-link-secret-do-not-use-in-production");

    private final SecuritySettings security;
    private final PublicLinks links;
    private final Environment environment;

    ProductionSafety(SecuritySettings security, PublicLinks links, Environment environment) {
        this.security = security;
        this.links = links;
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (security.users().isEmpty()) {
            problems.add("no users configured (consultflow.security.users)");
        }
        security.users().forEach(user -> {
            if (isDemo(user.password())) {
                problems.add("user '" + user.username() + "' has a demo password");
            }
        });
        if (links.secret() == null || links.secret().length() < 32 || isDemo(links.secret())) {
            problems.add("consultflow.links.secret must be a private value of at least 32 characters");
        }
        if (isDemo(environment.getProperty("camunda.bpm.admin-user.password"))) {
            problems.add("the Camunda admin user has a demo password");
        }
        for (var part : List.of("kafka", "mail")) {
            if (environment.getProperty("consultflow.embedded." + part + ".enabled", Boolean.class, false)) {
                problems.add("the embedded " + part + " server is switched on");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the prod profile: " + String.join("; ", problems));
        }
    }

    private static boolean isDemo(String secret) {
        if (secret == null) {
            return false;
        }
        var bare = secret.replaceFirst("^\\{noop\\}", "");
        return DEMO_SECRETS.contains(bare.toLowerCase());
    }
}
