package org.consultflow.platform;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The people who may use the coordinator API and pages. Passwords may be {@code {bcrypt}...} or {@code {noop}...}. */
@ConfigurationProperties("consultflow.security")
record SecuritySettings(@DefaultValue List<User> users) {

    record User(String username, String password, @DefaultValue("COORDINATOR") List<String> roles) {}
}
