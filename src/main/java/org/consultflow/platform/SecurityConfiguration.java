package org.consultflow.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Coordinators use the API with HTTP Basic or a session; consultees reach their form through the personal link only;
 * Cockpit, Tasklist and Admin under /camunda keep Camunda's own login.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/respond/**", "/webjars/**", "/assets/**", "/error",
                                "/actuator/health/**", "/camunda/**", "/dev/**", "/").permitAll()
                        .requestMatchers("/api/dead-letters/**").hasRole("ADMIN")
                        .requestMatchers("/api/**", "/consultations/**").hasRole("COORDINATOR")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                // API clients use Basic auth, and Camunda's webapps bring their own CSRF protection. The response
                // form's address holds a 256-bit personal token nobody else knows, which is what a CSRF token would
                // add; a session-bound token would only lose the answers of a consultee who took an hour to write.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/api/**", "/camunda/**", "/respond/**"))
                // Personal links must not leak to the sites of linked documents.
                .headers(headers -> headers.referrerPolicy(policy -> policy.policy(ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(SecuritySettings settings) {
        var users = settings.users().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password().startsWith("{") ? user.password() : "{noop}" + user.password())
                        .roles(user.roles().toArray(String[]::new))
                        .build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
