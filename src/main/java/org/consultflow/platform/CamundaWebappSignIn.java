package org.consultflow.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit, Tasklist and Admin take the person signed in at /login (container-based authentication) instead of asking
 * again. Both filters sit after Spring Security's chain, which has already refused anyone not signed in, and before
 * Camunda's own filters, which the starter adds to the servlet context after every registration bean.
 */
@Configuration(proxyBeanMethods = false)
class CamundaWebappSignIn {

    private static final int AFTER_SPRING_SECURITY = 101;

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaContainerAuthentication() {
        var registration = new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("camunda-container-based-authentication");
        registration.addInitParameter("authentication-provider", SpringSecuritySignIn.class.getName());
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        registration.setOrder(AFTER_SPRING_SECURITY);
        return registration;
    }

    @Bean
    FilterRegistrationBean<SignOutWithCamunda> camundaSignOut() {
        var registration = new FilterRegistrationBean<>(new SignOutWithCamunda());
        registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
        registration.setOrder(AFTER_SPRING_SECURITY + 1);
        return registration;
    }

    /**
     * Camunda's "Log out" ends the ConsultFlow session too; otherwise the next request would sign the person straight
     * back in from it. It lets Camunda handle the request first, so Camunda's CSRF check still guards it, and ends the
     * session only when Camunda accepted the logout. The next page load then goes to /login.
     */
    static class SignOutWithCamunda extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            chain.doFilter(request, response);
            if ("POST".equals(request.getMethod()) && request.getRequestURI().endsWith("/logout")
                    && response.getStatus() < 300) {
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
    }
}
