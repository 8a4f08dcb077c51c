package org.consultflow.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rotating a password in the environment takes effect at the next start, for the admin and for coordinators. */
class CamundaIdentityTest {

    private final ProcessEngine engine = inMemoryEngine();
    private final IdentityService identity = engine.getIdentityService();

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void appliesARotatedAdminPasswordAtTheNextStart() {
        var existing = identity.newUser("admin");
        existing.setPassword("Old-admin-pass-1");
        identity.saveUser(existing);

        start("admin", "New-admin-pass-2", List.of());

        assertThat(identity.checkPassword("admin", "New-admin-pass-2")).isTrue();
        assertThat(identity.checkPassword("admin", "Old-admin-pass-1")).isFalse();
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
    }

    @Test
    void appliesARotatedCoordinatorPasswordAtTheNextStart() {
        start("admin", "Admin-pass-0001", List.of(new CamundaIdentity.SeededUser("jo", "Old-coordinator-1")));

        start("admin", "Admin-pass-0001", List.of(new CamundaIdentity.SeededUser("jo", "New-coordinator-2")));

        assertThat(identity.checkPassword("jo", "New-coordinator-2")).isTrue();
        assertThat(identity.checkPassword("jo", "Old-coordinator-1")).isFalse();
        assertThat(identity.createUserQuery().userId("jo").memberOfGroup(CamundaIdentity.COORDINATORS).count()).isOne();
    }

    @Test
    void keepsAnUnchangedPasswordAsItIs() {
        start("admin", "Admin-pass-0001", List.of());

        start("admin", "Admin-pass-0001", List.of());

        assertThat(identity.checkPassword("admin", "Admin-pass-0001")).isTrue();
        assertThat(identity.createUserQuery().userId("admin").memberOfGroup(Groups.CAMUNDA_ADMIN).count()).isOne();
    }

    private void start(String adminId, String adminPassword, List<CamundaIdentity.SeededUser> coordinators) {
        var camunda = new CamundaBpmProperties();
        camunda.getAdminUser().setId(adminId);
        camunda.getAdminUser().setPassword(adminPassword);
        new CamundaIdentity(identity, engine.getAuthorizationService(),
                new CamundaIdentity.CamundaUsers(coordinators), camunda).onReady();
    }

    private static ProcessEngine inMemoryEngine() {
        var name = "identity-test-" + UUID.randomUUID();
        var configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        return configuration.buildProcessEngine();
    }
}
