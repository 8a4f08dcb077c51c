package org.consultflow.platform;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.stereotype.Component;

/**
 * Checks a username and password, from the login form or HTTP Basic, against Camunda's identity service: the same
 * salted hashes Camunda Admin sets, and the engine's lock-out after failed attempts (the {@code login-*} settings
 * under {@code camunda.bpm.generic-properties} in application.yaml). A locked user is refused even with the right
 * password until the lock expires, and with the same words as a wrong password, so that the answer tells a guesser
 * nothing about which names exist.
 */
@Component
class CamundaLogins implements AuthenticationProvider {

    private final IdentityService identity;

    CamundaLogins(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        var username = attempt.getName();
        var password = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        if (username == null || username.isBlank() || !identity.checkPassword(username, password)) {
            throw new BadCredentialsException("Wrong username or password, or too many attempts");
        }
        var authorities = CamundaGroups.authorities(CamundaGroups.of(identity, username));
        // Principal as a UserDetails, as Spring's own providers give it, so that session tracking treats it alike.
        var principal = User.withUsername(username).password("").authorities(authorities).build();
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        authenticated.setDetails(attempt.getDetails());
        return authenticated;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
