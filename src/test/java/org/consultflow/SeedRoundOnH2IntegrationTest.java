package org.consultflow;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seed round on the embedded default stack's database (H2). */
class SeedRoundOnH2IntegrationTest extends SeedRoundLifecycle {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:seed-round;DB_CLOSE_DELAY=-1");
    }
}
