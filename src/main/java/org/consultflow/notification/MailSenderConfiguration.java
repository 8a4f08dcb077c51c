package org.consultflow.notification;

import java.nio.charset.Charset;
import java.util.Properties;

import org.springframework.boot.autoconfigure.mail.MailProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.util.ClassUtils;

/** The mail sender, from the usual {@code spring.mail.*} settings, keeping its SMTP connections open. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailSenderConfiguration {

    /** The Angus Mail class that Jakarta Mail's {@code StreamProvider} look-up finds on the class path. */
    static final String STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

    /**
     * Jakarta Mail 2.1 looks up its {@code StreamProvider} afresh for every message and body part it creates, and
     * without this system property that is a {@link java.util.ServiceLoader} scan of every jar on the class path: it
     * was almost a fifth of the application's CPU while receipts went out (jakartaee/mail-api#699 and #861;
     * docs/performance.md). Naming the provider makes the look-up a plain {@link Class#forName}. A value already set
     * is left alone.
     */
    static void nameStreamProvider() {
        if (System.getProperty("jakarta.mail.util.StreamProvider") == null && ClassUtils.isPresent(STREAM_PROVIDER,
                MailSenderConfiguration.class.getClassLoader())) {
            System.setProperty("jakarta.mail.util.StreamProvider", STREAM_PROVIDER);
        }
    }

    @Bean
    JavaMailSender mailSender(MailProperties properties) {
        nameStreamProvider();
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
