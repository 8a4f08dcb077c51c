package org.consultflow.notification;

import java.nio.charset.Charset;
import java.util.Properties;

import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/** The mail sender, from the usual {@code spring.mail.*} settings, keeping its SMTP connections open. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSenderConfiguration {

    @Bean
    JavaMailSender mailSender(MailProperties properties) {
        var sender = new KeptOpenMailSender();
        sender.setHost(properties.getHost());
        if (properties.getPort() != null) {
            sender.setPort(properties.getPort());
        }
        sender.setUsername(properties.getUsername());
        sender.setPassword(properties.getPassword());
        sender.setProtocol(properties.getProtocol());
        Charset encoding = properties.getDefaultEncoding();
        if (encoding != null) {
            sender.setDefaultEncoding(encoding.name());
        }
        var javaMail = new Properties();
        javaMail.putAll(properties.getProperties());
        sender.setJavaMailProperties(javaMail);
        return sender;
    }
}
