package org.consultflow.platform;

import java.util.List;

/** The prod profile was asked to start with settings it must not run on; each problem names a setting, never a value. */
class UnsafeProductionSettings extends RuntimeException {

    private final List<String> problems;

    UnsafeProductionSettings(List<String> problems) {
        super("Refusing to start the prod profile: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    List<String> problems() {
        return problems;
    }
}
