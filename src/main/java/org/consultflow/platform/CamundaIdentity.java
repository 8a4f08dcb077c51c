package org.consultflow.platform;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Chase and review tasks go to the Camunda group {@code coordinators}. The group always exists and may use Tasklist
 * and work on tasks, nothing more (Cockpit and Admin are for Camunda administrators: engine authorization is on).
 * The users listed here (the demo coordinator of the embedded stack) are created in it. Camunda's identity service is
 * the only user store: these seeds and the admin are where it starts, and everyone else is added in Camunda Admin.
 * <p>
 * Camunda's starter creates {@code camunda.bpm.admin-user} only when it is absent, so a rotated password would never
 * reach the database. At every start the configured passwords of the admin and of these users are applied.
 */
@Component
class CamundaIdentity {

    static final String COORDINATORS = CamundaGroups.COORDINATORS;

    @ConfigurationProperties("consultflow.camunda")
    record CamundaUsers(@DefaultValue List<SeededUser> coordinators) {}

    /** A user kept in the {@code coordinators} group with this password (plain text: Camunda salts and hashes it). */
    record SeededUser(String username, String password) {}

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final CamundaUsers users;
    private final CamundaBpmProperties camunda;

    CamundaIdentity(IdentityService identity, AuthorizationService authorizations, CamundaUsers users,
            CamundaBpmProperties camunda) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.users = users;
        this.camunda = camunda;
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
        for (var coordinator : users.coordinators()) {
            keep(coordinator.username(), coordinator.password(), COORDINATORS);
        }
        var admin = camunda.getAdminUser();
        if (admin != null && admin.getId() != null && admin.getPassword() != null) {
            if (identity.createGroupQuery().groupId(Groups.CAMUNDA_ADMIN).count() == 0) {
                var group = identity.newGroup(Groups.CAMUNDA_ADMIN);
                group.setName("Camunda BPM Administrators");
                group.setType(Groups.GROUP_TYPE_SYSTEM);
                identity.saveGroup(group);
            }
            keep(admin.getId(), admin.getPassword(), Groups.CAMUNDA_ADMIN);
        }
    }

    /** Creates the user if absent, else applies the configured password if it is not the stored one; then joins. */
    private void keep(String id, String password, String group) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            var user = identity.newUser(id);
            user.setFirstName(id);
            user.setLastName("(" + group + ")");
            user.setPassword(password);
            identity.saveUser(user);
        } else if (!identity.checkPassword(id, password)) {
            // The failed check counted as a failed login (and locked the user for a moment): read the user again,
            // and unlock it, as the password it failed against is the one being replaced.
            var user = identity.createUserQuery().userId(id).singleResult();
            user.setPassword(password);
            identity.saveUser(user);
            identity.unlockUser(id);
        }
        if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
            identity.createMembership(id, group);
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
