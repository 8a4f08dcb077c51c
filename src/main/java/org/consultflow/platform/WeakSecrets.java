package org.consultflow.platform;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a password or key unfit for production. Case and decoration do not make a demo value private, so
 * "Password-2024!" counts as "password". A {@code {bcrypt}} hash is refused: the users' passwords go to Camunda's
 * identity service, which salts and hashes the plain text itself, so a hash given here would become the password.
 */
final class WeakSecrets {

    static final int MIN_PASSWORD_LENGTH = 12;
    static final int MIN_KEY_LENGTH = 32;

    private static final Set<String> DEMO_VALUES = Set.of("local-demo-link-secret-do-not-use-in-production");
    private static final Pattern DEMO_WORDS = Pattern.compile(
            "(coordinator|admin|demo|password|changeme|secret|example|test|todo)+|x{3,}");
    private static final Pattern PLACEHOLDER = Pattern.compile("<.*>|\\$\\{.*}");

    private WeakSecrets() {
    }

    /** Why the value is weak, e.g. "is shorter than 12 characters"; empty when it will do. */
    static Optional<String> weakness(String value, int minLength) {
        if (value.startsWith("{bcrypt}")) {
            return Optional.of("is a password hash: give the password itself, which Camunda stores salted and hashed");
        }
        var bare = value.replaceFirst("^\\{noop}", "").strip();
        if (bare.isEmpty()) {
            return Optional.of("is empty");
        }
        if (isDemo(bare)) {
            return Optional.of("is a demo or placeholder value");
        }
        if (bare.length() < minLength) {
            return Optional.of("is shorter than " + minLength + " characters");
        }
        return Optional.empty();
    }

    private static boolean isDemo(String bare) {
        var lower = bare.toLowerCase(Locale.ROOT);
        var letters = lower.replaceAll("[^a-z]", "");
        return DEMO_VALUES.contains(lower) || PLACEHOLDER.matcher(bare).matches() || DEMO_WORDS.matcher(letters).matches();
    }
}
