package org.consultflow;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The seed round on PostgreSQL, the production database. */
class SeedRoundOnPostgresIntegrationTest extends SeedRoundLifecycle {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres(registry);
    }
}
