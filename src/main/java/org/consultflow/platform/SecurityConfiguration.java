package org.consultflow.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * People sign in once at /login (or through OpenID Connect, where configured) and are known to the console, the API
 * and Camunda's Cockpit, Tasklist and Admin alike; API clients send HTTP Basic; consultees reach their form through
 * the personal link only. Every password is checked by Camunda's identity service, the one user store.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /**
     * No inline script, so injected markup cannot run. Inline style stays: the report and the developer pages use it,
     * and style runs no code. The caught-mail page shows a mail in a sandboxed srcdoc frame, which loads nothing and
     * needs no frame-src. Camunda's webapps send their own policy and are left out of this one.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, ProblemResponses problems, ManagementPort management,
            CamundaLogins logins, ObjectProvider<OidcLogins> oidc) throws Exception {
        var api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        var camunda = PathPatternRequestMatcher.withDefaults().matcher("/camunda/**");
        var camundaApi = PathPatternRequestMatcher.withDefaults().matcher("/camunda/api/**");
        var refused = new RefusedApiRequests(problems);
        http.authorizeHttpRequests(requests -> requests
                        // Probes and Prometheus on the management port, which only the cluster reaches.
                        .requestMatchers(management).permitAll()
                        .requestMatchers("/respond/**", "/webjars/**", "/assets/**", "/scripts/**", "/error",
                                "/actuator/health/**", "/dev/**", "/", "/login").permitAll()
                        .requestMatchers("/api/dead-letters/**", "/actuator/**").hasRole("ADMIN")
                        .requestMatchers("/api/**", "/consultations/**", "/console/**").hasRole("COORDINATOR")
                        // The API's description, for those who may use it (see ApiDocs).
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .hasRole("COORDINATOR")
                        // One sign-in: Camunda's own login form would let a session change who it is within Camunda.
                        .requestMatchers(HttpMethod.POST, "/camunda/api/admin/auth/user/*/login/*").denyAll()
                        // Anyone signed in; Camunda's own authorizations then decide (coordinators: Tasklist only).
                        .requestMatchers(camunda).authenticated()
                        .anyRequest().authenticated())
                // One user store: passwords are checked by Camunda's identity service, with its lock-out.
                .authenticationProvider(logins)
                .httpBasic(basic -> basic.authenticationEntryPoint(refused))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console").failureUrl("/login?error"))
                .logout(logout -> logout.logoutSuccessUrl("/login?signed-out"))
                // Pages send the browser to the login form; API clients get a 401 problem and no Basic challenge.
                .exceptionHandling(exceptions -> exceptions
                        .defaultAuthenticationEntryPointFor(refused,
                                new OrRequestMatcher(new AndRequestMatcher(api, notAPage()), camundaApi))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                AnyRequestMatcher.INSTANCE)
                        .accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
                                new LinkedHashMap<>(Map.of(api, refused)), new AccessDeniedHandlerImpl())))
                // The session cookie goes with any request a browser sends, so every change it authenticates needs
                // the session's CSRF token (X-CSRF-TOKEN, from GET /api/csrf; a hidden field in the login and logout
                // forms). It stays in the session rather than a script-readable cookie: it ends with the login, a
                // neighbouring site cannot plant it, and it does not
                // clash with the XSRF-TOKEN cookie Camunda sets for /camunda. A request that brings its own
                // Authorization header cannot have been forged by another site: no site can add that header
                // cross-origin, and the browser never caches Basic credentials because nothing here asks for them.
                // Camunda's webapps bring their own CSRF protection. The response form's address holds a 256-bit
                // personal token nobody else knows, which is what a CSRF token would add; a session-bound token
                // would only lose the answers of a consultee who took an hour to write.
                .csrf(csrf -> csrf.ignoringRequestMatchers(
                        new AndRequestMatcher(api, SecurityConfiguration::basicCredentials),
                        camunda, PathPatternRequestMatcher.withDefaults().matcher("/respond/**")))
                .headers(headers -> headers
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(camunda),
                                new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY)))
                        .frameOptions(frame -> frame.deny())
                        // Personal links must not leak to the sites of linked documents.
                        .referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER)));
        var provider = oidc.getIfAvailable();
        if (provider != null) {
            // A refusal by the provider, or for want of a group, is not a wrong password: the page says which.
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/console")
                    .failureUrl("/login?refused")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(provider)));
        }
        return http.build();
    }

    /** Only Basic credentials authenticate the request themselves; any other Authorization header leaves the cookie. */
    private static boolean basicCredentials(jakarta.servlet.http.HttpServletRequest request) {
        var authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    private static RequestMatcher notAPage() {
        var page = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
        page.setIgnoredMediaTypes(Set.of(MediaType.ALL));
        return new NegatedRequestMatcher(page);
    }
}
