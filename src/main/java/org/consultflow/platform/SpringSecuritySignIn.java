package org.consultflow.platform;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Tells Cockpit, Tasklist and Admin who signed in at /login, so that one sign-in is enough. Camunda's
 * {@code ContainerBasedAuthenticationFilter} creates this class by name (hence public, with no dependencies) and asks
 * it on every request to /camunda; the groups come from the engine, whose authorizations then decide what the person
 * may see (coordinators: Tasklist only).
 */
public class SpringSecuritySignIn implements AuthenticationProvider {

    @Override
    public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return AuthenticationResult.unsuccessful();
        }
        var result = AuthenticationResult.successful(authentication.getName());
        result.setGroups(CamundaGroups.of(engine.getIdentityService(), authentication.getName()));
        return result;
    }

    /** Spring Security has already sent anyone unsigned to /login before this filter runs: nothing to add. */
    @Override
    public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    }
}
