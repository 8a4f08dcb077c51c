package org.consultflow.platform;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/**
 * The OpenID Connect client, only when an issuer is configured: without one there is no registration, no
 * {@code /oauth2/**} endpoint and no "Sign in with" link. The provider's endpoints come from its discovery document.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${consultflow.oidc.issuer-uri:}'.isBlank()")
class OidcConfiguration {

    @Bean
    ClientRegistrationRepository clientRegistrations(OidcSettings settings) {
        var registration = ClientRegistrations.fromIssuerLocation(settings.issuerUri().strip())
                .registrationId(OidcSettings.REGISTRATION)
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .clientName(settings.name())
                .scope("openid", "profile", "email")
                .build();
        return new InMemoryClientRegistrationRepository(registration);
    }

    @Bean
    OidcLogins oidcLogins(IdentityService identity, OidcSettings settings) {
        return new OidcLogins(identity, settings);
    }
}
