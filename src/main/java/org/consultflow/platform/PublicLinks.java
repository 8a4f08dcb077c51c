package org.consultflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where people reach ConsultFlow from outside, and the server-side key that derives personal links.
 *
 * @param baseUrl the public base URL, without a trailing slash; links in mails start with it
 * @param secret key for deriving personal link tokens; never a demo value in production
 */
@ConfigurationProperties("consultflow.links")
public record PublicLinks(@DefaultValue("http://localhost:8080") String baseUrl, String secret) {

    public PublicLinks {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
