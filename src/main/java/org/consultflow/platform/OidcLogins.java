package org.consultflow.platform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A person signed in with OpenID Connect becomes (or is brought up to date as) a user in Camunda's identity service,
 * with memberships of {@code coordinators} and {@code camunda-admin} as the provider's groups say at this login. So
 * their chase and review tasks, Tasklist, Cockpit and the audit trail know them by the same id as a password user.
 * Other Camunda groups an admin gave them are left alone.
 */
class OidcLogins extends OidcUserService {

    private static final Set<String> MANAGED = Set.of(CamundaGroups.COORDINATORS, CamundaGroups.ADMINS);

    private final IdentityService identity;
    private final OidcSettings settings;

    OidcLogins(IdentityService identity, OidcSettings settings) {
        this.identity = identity;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        var user = super.loadUser(request);
        var id = user.getClaimAsString(settings.usernameClaim());
        if (id == null || id.isBlank()) {
            throw refused("The provider sent no " + settings.usernameClaim() + " claim to name you by.");
        }
        var groups = groups(user.getClaims().get(settings.groupsClaim()));
        if (groups.isEmpty()) {
            throw refused("Your account is in no group that may use ConsultFlow. Ask an administrator to add you.");
        }
        try {
            keep(id, user, groups);
        } catch (ProcessEngineException e) {
            // Camunda refuses ids outside its user id pattern (camunda.bpm.generic-properties, application.yaml).
            throw refused("Your account name " + Text.printable(id, 100) + " cannot be used as a ConsultFlow user id.");
        }
        return new DefaultOidcUser(CamundaGroups.authorities(groups), user.getIdToken(), user.getUserInfo(),
                settings.usernameClaim());
    }

    /** The Camunda groups the provider's groups map to. */
    List<String> groups(Object claim) {
        var named = claim instanceof Collection<?> values ? values.stream().map(String::valueOf).toList()
                : claim instanceof String value ? List.of(value) : List.<String>of();
        var groups = new ArrayList<String>();
        if (named.stream().anyMatch(settings.adminGroups()::contains)) {
            groups.add(CamundaGroups.ADMINS);
        }
        if (named.stream().anyMatch(settings.coordinatorGroups()::contains)) {
            groups.add(CamundaGroups.COORDINATORS);
        }
        return groups;
    }

    private void keep(String id, OidcUser oidc, List<String> groups) {
        var user = identity.createUserQuery().userId(id).singleResult();
        if (user == null) {
            user = identity.newUser(id);
        }
        // No password: this person signs in through the provider only.
        user.setFirstName(oidc.getGivenName() == null ? id : oidc.getGivenName());
        user.setLastName(oidc.getFamilyName() == null ? "" : oidc.getFamilyName());
        user.setEmail(oidc.getEmail());
        identity.saveUser(user);
        for (var group : MANAGED) {
            var member = identity.createUserQuery().userId(id).memberOfGroup(group).count() > 0;
            if (groups.contains(group) && !member) {
                identity.createMembership(id, group);
            } else if (!groups.contains(group) && member) {
                identity.deleteMembership(id, group);
            }
        }
    }

    private static OAuth2AuthenticationException refused(String why) {
        return new OAuth2AuthenticationException(new OAuth2Error("access_denied", why, null), why);
    }
}
