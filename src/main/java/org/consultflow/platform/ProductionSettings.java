package org.consultflow.platform;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * Reads settings the way the application will bind them, before any bean exists. Each is read twice: resolved, and
 * as configured, because only the configured text still names the environment variable behind it.
 */
final class ProductionSettings {

    private static final Bindable<List<CamundaIdentity.SeededUser>> USERS =
            Bindable.listOf(CamundaIdentity.SeededUser.class);

    private final Binder resolved;
    private final Binder configured;

    ProductionSettings(Environment environment) {
        this.resolved = Binder.get(environment);
        this.configured = new Binder(ConfigurationPropertySources.get(environment));
    }

    Setting get(String property) {
        return Setting.of(property, read(configured, property), read(resolved, property));
    }

    /** The password of each user in a list such as {@code consultflow.camunda.coordinators}, named by its user. */
    List<Setting> passwordsOf(String usersProperty) {
        var users = resolved.bind(usersProperty, USERS).orElse(List.of());
        var asConfigured = configured.bind(usersProperty, USERS).orElse(List.of());
        var passwords = new ArrayList<Setting>();
        for (int i = 0; i < users.size(); i++) {
            var property = usersProperty + "[" + i + "].password of user '" + users.get(i).username() + "'";
            var raw = i < asConfigured.size() ? asConfigured.get(i).password() : null;
            passwords.add(Setting.of(property, raw, users.get(i).password()));
        }
        return passwords;
    }

    private static String read(Binder binder, String property) {
        return binder.bind(property, String.class).orElse(null);
    }
}
