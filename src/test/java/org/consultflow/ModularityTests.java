package org.consultflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Keeps the features honest: no cycles, no reaching into another feature's internals. */
class ModularityTests {

    @Test
    void featuresDependDownwardsOnly() {
        ApplicationModules.of(ConsultFlowApplication.class).verify();
    }
}
