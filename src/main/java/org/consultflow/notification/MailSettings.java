package org.consultflow.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from the sender every consultee sees, e.g. {@code ConsultFlow <consultations@example.org>}
 * @param replyTo the reply mailbox ConsultFlow reads ({@code consultflow.replies}), if any: invitations and reminders
 *     name it beside the coordinator in Reply-To, so a consultee's reply reaches both
 */
@ConfigurationProperties("consultflow.mail")
record MailSettings(@DefaultValue("ConsultFlow <consultations@example.org>") String from, String replyTo) {}
