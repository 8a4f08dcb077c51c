package org.consultflow;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * One application on the embedded stack (H2 in memory, the in-process broker and mail server, short engine waits)
 * for the tests that only look at what it serves and sends: declared once here, so that Spring's test context cache
 * starts it once for all of them. Each test works on rounds of its own keys and leaves nothing another could trip over.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S",
        "spring.datasource.url=jdbc:h2:mem:embedded-stack;DB_CLOSE_DELAY=-1"})
@Import({EmbeddedStackContext.PageData.class, EmbeddedStackContext.Observer.class})
abstract class EmbeddedStackContext {

    static final String PAGE_DATA = "/consultations/test/page-data";

    /** JSON outside /api, such as a console page may fetch for a chart: no part of the API, so never in its document. */
    @RestController
    static class PageData {

        @GetMapping(PAGE_DATA)
        Map<String, Integer> data() {
            return Map.of("responses", 0);
        }
    }

    /**
     * Besides the demo users (coordinator and admin, seeded into Camunda's identity service by the application), one
     * who may sign in but is in no group, so neither coordinator nor admin.
     */
    static class Observer {

        @EventListener(ApplicationReadyEvent.class)
        void create(ApplicationReadyEvent ready) {
            var identity = ready.getApplicationContext().getBean(IdentityService.class);
            if (identity.createUserQuery().userId("observer").count() == 0) {
                var observer = identity.newUser("observer");
                observer.setFirstName("Observer");
                observer.setLastName("(no group)");
                observer.setPassword("observer");
                identity.saveUser(observer);
            }
        }
    }

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
    }
}
