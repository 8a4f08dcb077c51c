package org.consultflow.platform;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.spring.boot.starter.event.PostDeployEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chase and review tasks go to the Camunda group {@code coordinators}. The group always exists; the users listed
 * here (the demo coordinator of the embedded stack) are created in it so they can log in to Tasklist.
 */
@Component
class CamundaIdentity {

    static final String COORDINATORS = "coordinators";

    @ConfigurationProperties("consultflow.camunda")
    record CamundaUsers(@DefaultValue List<SecuritySettings.User> coordinators) {}

    private final IdentityService identity;
    private final CamundaUsers users;

    CamundaIdentity(IdentityService identity, CamundaUsers users) {
        this.identity = identity;
        this.users = users;
    }

    @EventListener
    public void onDeployed(PostDeployEvent event) {
        if (identity.createGroupQuery().groupId(COORDINATORS).count() == 0) {
            var group = identity.newGroup(COORDINATORS);
            group.setName("Coordinators");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        for (var coordinator : users.coordinators()) {
            if (identity.createUserQuery().userId(coordinator.username()).count() == 0) {
                var user = identity.newUser(coordinator.username());
                user.setFirstName(coordinator.username());
                user.setLastName("(coordinator)");
                user.setPassword(coordinator.password());
                identity.saveUser(user);
                identity.createMembership(coordinator.username(), COORDINATORS);
            }
        }
    }
}
