package org.consultflow.platform;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * What a Camunda group allows in ConsultFlow. Camunda's identity service is the one user store: whoever is in
 * {@code coordinators} runs rounds, whoever is in {@code camunda-admin} runs rounds too and repairs what fails.
 */
final class CamundaGroups {

    static final String COORDINATORS = "coordinators";
    static final String ADMINS = Groups.CAMUNDA_ADMIN;

    private CamundaGroups() {
    }

    /** The Spring Security authorities of a member of these groups; other groups add none. */
    static List<GrantedAuthority> authorities(Collection<String> groupIds) {
        var roles = new LinkedHashSet<String>();
        if (groupIds.contains(ADMINS)) {
            roles.add("ROLE_ADMIN");
            roles.add("ROLE_COORDINATOR");
        }
        if (groupIds.contains(COORDINATORS)) {
            roles.add("ROLE_COORDINATOR");
        }
        return roles.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    /** The ids of the groups the user is a member of, read past engine authorization (nobody is signed in yet). */
    static List<String> of(IdentityService identity, String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }
}
