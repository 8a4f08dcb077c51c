package org.consultflow;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;

/**
 * Free ports for the embedded mail server of a test context, chosen once: the server and the mail sender must agree
 * on them, and contexts kept alive side by side must not clash.
 */
final class TestMailPorts {

    private TestMailPorts() {
    }

    static void register(DynamicPropertyRegistry registry) {
        var smtp = TestSocketUtils.findAvailableTcpPort();
        var imap = TestSocketUtils.findAvailableTcpPort();
        registry.add("consultflow.embedded.mail.smtp-port", () -> smtp);
        registry.add("consultflow.embedded.mail.imap-port", () -> imap);
    }
}
