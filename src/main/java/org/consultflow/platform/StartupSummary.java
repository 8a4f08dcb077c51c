package org.consultflow.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** One log line that tells a newcomer where everything is once the application is ready. */
@Component
class StartupSummary {

    private static final Logger log = LoggerFactory.getLogger(StartupSummary.class);

    @EventListener
    public void onReady(ApplicationReadyEvent event) {
        Environment env = event.getApplicationContext().getEnvironment();
        var base = "http://localhost:" + env.getProperty("local.server.port", "8080");
        var mail = env.getProperty("consultflow.embedded.mail.enabled", Boolean.class, false)
                ? ", caught mail " + base + "/dev/mail" : "";
        log.info("ConsultFlow is ready: API {}/api/consultations, Cockpit and Tasklist {}/camunda{}", base, base, mail);
    }
}
