package org.consultflow.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a refused production start into Spring Boot's "APPLICATION FAILED TO START" report instead of a stack trace. */
class UnsafeProductionSettingsAnalyzer extends AbstractFailureAnalyzer<UnsafeProductionSettings> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeProductionSettings cause) {
        var description = new StringBuilder("The prod profile refuses to start, before touching the database, with ")
                .append(cause.problems().size()).append(cause.problems().size() == 1 ? " problem:" : " problems:");
        cause.problems().forEach(problem -> description.append(System.lineSeparator()).append("  - ").append(problem));
        var action = "Set each variable named above to a private value (passwords at least "
                + WeakSecrets.MIN_PASSWORD_LENGTH + " characters or a {bcrypt} hash, the link secret at least "
                + WeakSecrets.MIN_KEY_LENGTH + "), point CONSULTFLOW_PUBLIC_BASE_URL at the address consultees use, "
                + "and switch off embedded parts. See \"Configure it\" in the README.";
        return new FailureAnalysis(description.toString(), action, cause);
    }
}
