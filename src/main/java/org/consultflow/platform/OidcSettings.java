package org.consultflow.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sign-in with an OpenID Connect provider, on when {@code issuerUri} is set. The provider says who someone is and
 * which of its groups they are in; {@code coordinatorGroups} and {@code adminGroups} name the provider's groups that
 * make a ConsultFlow coordinator or admin.
 */
@ConfigurationProperties("consultflow.oidc")
record OidcSettings(String issuerUri, String clientId, String clientSecret,
        @DefaultValue("your organisation's account") String name,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue(CamundaGroups.COORDINATORS) List<String> coordinatorGroups,
        @DefaultValue(CamundaGroups.ADMINS) List<String> adminGroups) {

    static final String REGISTRATION = "oidc";

    boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
