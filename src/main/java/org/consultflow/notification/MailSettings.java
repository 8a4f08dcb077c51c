package org.consultflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param from the sender every consultee sees, e.g. {@code ConsultFlow <consultations@example.org>} */
@ConfigurationProperties("consultflow.mail")
record MailSettings(@DefaultValue("ConsultFlow <consultations@example.org>") String from) {}
