package org.consultflow.platform;

import java.util.regex.Pattern;

/**
 * One production setting as the application will bind it, with the environment variable its configured value names,
 * so that a refusal tells the operator what to set. Messages built here never include the value itself.
 *
 * @param property where the setting lives, e.g. {@code spring.datasource.password}
 * @param variable the variable the configured value refers to ({@code ${CONSULTFLOW_DB_PASSWORD}}), or null
 * @param value the value after placeholders are resolved; still holds {@code ${...}} where a variable is missing
 */
record Setting(String property, String variable, String value) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^:}$]+)");

    static Setting of(String property, String raw, String value) {
        return new Setting(property, variableIn(raw), value);
    }

    boolean isUnset() {
        return value == null || value.contains("${");
    }

    boolean isBlank() {
        return value != null && value.isBlank();
    }

    /** Names what is missing: an unresolved variable before the property it was meant for. */
    String notSet() {
        var missing = value == null ? variable : variableIn(value);
        return missing == null ? property + " is not set" : missing + " is not set (" + property + ")";
    }

    /** Names the setting in a message about its value, e.g. "spring.datasource.password (CONSULTFLOW_DB_PASSWORD)". */
    String name() {
        return variable == null ? property : property + " (" + variable + ")";
    }

    private static String variableIn(String text) {
        if (text == null) {
            return null;
        }
        var matcher = PLACEHOLDER.matcher(text);
        return matcher.find() ? matcher.group(1) : null;
    }
}
