package org.consultflow.platform;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chase and review tasks go to the Camunda group {@code coordinators}. The group always exists and may use Tasklist
 * and work on tasks, nothing more (Cockpit and Admin are for Camunda administrators: engine authorization is on).
 * The users listed here (the demo coordinator of the embedded stack) are created in it.
 */
@Component
class CamundaIdentity {

    static final String COORDINATORS = "coordinators";

    @ConfigurationProperties("consultflow.camunda")
    record CamundaUsers(@DefaultValue List<SecuritySettings.User> coordinators) {}

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final CamundaUsers users;

    CamundaIdentity(IdentityService identity, AuthorizationService authorizations, CamundaUsers users) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.users = users;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void onReady() {
        if (identity.createGroupQuery().groupId(COORDINATORS).count() == 0) {
            var group = identity.newGroup(COORDINATORS);
            group.setName("Coordinators");
            group.setType("WORKFLOW");
            identity.saveGroup(group);
        }
        grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(Resources.FILTER, "*", Permissions.READ);
        grant(Resources.TASK, "*", Permissions.READ, Permissions.UPDATE);
        grant(Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_TASK, Permissions.UPDATE_TASK);
        createCoordinators();
    }

    private void createCoordinators() {
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

    private void grant(Resources resource, String resourceId, Permission... permissions) {
        var existing = authorizations.createAuthorizationQuery().groupIdIn(COORDINATORS)
                .resourceType(resource).resourceId(resourceId).count();
        if (existing > 0) {
            return;
        }
        var authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        authorization.setGroupId(COORDINATORS);
        authorization.setResource(resource);
        authorization.setResourceId(resourceId);
        for (var permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
