package org.consultflow.platform;

import java.util.Arrays;
import java.util.stream.Stream;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The in-process SMTP and IMAP server of the embedded default stack: it catches every mail the application sends, so
 * `./mvnw spring-boot:run` needs no mail relay and sends nothing to anyone. Authentication is off, so any mail client
 * can read any mailbox with any password; the caught mail is also listed at {@code /dev/mail}. It binds to 127.0.0.1
 * only; port 0 picks a free one (tests). Mail lives in memory and is gone when the application stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "consultflow.embedded.mail.enabled", havingValue = "true")
class EmbeddedMailServer {

    // Not "embeddedMailServer": that is the name of this configuration class.
    static final String BEAN_NAME = "embeddedGreenMail";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMailServer.class);
    private static final String LOCALHOST = "127.0.0.1";

    @ConfigurationProperties("consultflow.embedded.mail")
    record EmbeddedMailSettings(boolean enabled, @DefaultValue("3025") int smtpPort, @DefaultValue("3143") int imapPort) {}

    /** Started here rather than by an init method so that the log line below only appears once it listens. */
    @Bean(name = BEAN_NAME, destroyMethod = "stop")
    GreenMail embeddedGreenMail(EmbeddedMailSettings settings) {
        GreenMail server = start(settings);
        log.info("Embedded mail: SMTP localhost:{}, IMAP localhost:{} (any user, any password); caught mail at /dev/mail",
                server.getSmtp().getPort(), server.getImap().getPort());
        return server;
    }

    static GreenMail start(EmbeddedMailSettings settings) {
        GreenMail server = new GreenMail(new ServerSetup[] {
                setup(settings.smtpPort(), ServerSetup.PROTOCOL_SMTP),
                setup(settings.imapPort(), ServerSetup.PROTOCOL_IMAP)})
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        server.start();
        return server;
    }

    /**
     * A mail sent while the server is still starting would fail, e.g. from a job picked up during startup or from
     * {@code spring.mail.test-connection}: every mail sender therefore waits for the server.
     */
    @Bean
    static BeanFactoryPostProcessor mailSendersWaitForEmbeddedMailServer() {
        return beanFactory -> Stream.of(beanFactory.getBeanNamesForType(JavaMailSender.class, true, false))
                .map(beanFactory::getBeanDefinition)
                .forEach(EmbeddedMailServer::dependOnServer);
    }

    private static void dependOnServer(BeanDefinition sender) {
        String[] dependsOn = sender.getDependsOn() == null ? new String[0] : sender.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(BEAN_NAME)) {
            String[] more = Arrays.copyOf(dependsOn, dependsOn.length + 1);
            more[dependsOn.length] = BEAN_NAME;
            sender.setDependsOn(more);
        }
    }

    private static ServerSetup setup(int port, String protocol) {
        ServerSetup setup = new ServerSetup(port, LOCALHOST, protocol);
        return port == 0 ? setup.dynamicPort() : setup;
    }
}
