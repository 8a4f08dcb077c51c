package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.titleContains;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import org.consultflow.engagement.PersonalLinks;
import org.consultflow.notification.Deadlines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.openqa.selenium.By;

/**
 * A consultee answers in real headless Chromium, with the keyboard alone, starting from the invitation the SMTP
 * server caught; axe-core checks every page they see, error states included. One Spring context and one browser
 * for the whole class. Page screenshots land in {@code target/browser-screenshots}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S",
        // No month's wait after approval: a link stops taking responses as soon as the report is approved.
        "consultflow.responses.late-after-approval=PT0S"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "org.consultflow.Browser#installed",
        disabledReason = "skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing; the browser tests use "
                + "Debian's (apt-get install chromium chromium-driver), never a downloaded browser")
class ResponsePageBrowserTest {

    static final Pattern LINK = Pattern.compile("/respond/[A-Za-z0-9_-]{43}");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "browser");
    }

    @Autowired TestRestTemplate rest;
    @Autowired PersonalLinks links;
    @Autowired @Qualifier("embeddedGreenMail") GreenMail mail;
    @LocalServerPort int port;

    Browser browser;

    @BeforeAll
    void startBrowser() throws IOException {
        browser = new Browser(Path.of("target", "browser-screenshots"));
    }

    @AfterAll
    void closeBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aConsulteeFixesAnErrorSavesComesBackSendsAndAmendsWithTheKeyboardAlone() throws Exception {
        start("browser-answer");
        var link = linkFromInvitation("browser-answer", "blaby", "stephen.farrow@example.org");

        browser.open(link);
        assertThat(browser.title()).isEqualTo("Review of Voluntary and Community Sector Infrastructure – Respond to a consultation");
        browser.assertAccessible("the empty form");
        browser.screenshot("respond-form");

        browser.type(By.id("q-role"), "Advice and training for small groups.");
        browser.type(By.id("respondent-name"), "Jane Smith");
        browser.type(By.id("respondent-email"), "jane.smith@");
        browser.tabTo(By.xpath("//button[normalize-space()='Send response']"));
        browser.enter(titleContains("Error: "));
        assertThat(browser.focused().getAttribute("class")).as("GOV.UK moves focus to the error summary")
                .contains("govuk-error-summary");
        assertThat(browser.find(By.className("govuk-error-summary")).getText())
                .contains("Enter an email address in the correct format, like name@example.com");
        assertThat(browser.find(By.id("q-role")).getAttribute("value")).isEqualTo("Advice and training for small groups.");
        assertThat(browser.find(By.id("respondent-name")).getAttribute("value")).isEqualTo("Jane Smith");
        browser.assertAccessible("the form with an error");
        browser.screenshot("respond-error");

        browser.keys(org.openqa.selenium.Keys.TAB);
        browser.enter(driver -> browser.focused().getAttribute("id").equals("respondent-email"));
        browser.type(By.id("respondent-email"), "jane.smith@example.org");
        browser.tabTo(By.xpath("//button[normalize-space()='Save and come back later']"));
        browser.enter(titleContains("Answers saved"));
        assertThat(browser.text()).contains("Your answers have been saved").contains("not been sent");
        browser.assertAccessible("the saved page");
        browser.screenshot("respond-saved");

        browser.tabTo(By.linkText("Go back to your answers"));
        browser.enter(titleContains("Respond to a consultation"));
        assertThat(browser.find(By.id("last-saved")).getText()).startsWith("Last saved at").contains("by Jane Smith")
                .contains("not sent");
        assertThat(browser.find(By.id("q-role")).getAttribute("value")).isEqualTo("Advice and training for small groups.");
        assertThat(browser.find(By.id("respondent-email")).getAttribute("value")).isEqualTo("jane.smith@example.org");
        assertThat(browser.find(By.cssSelector("#q-role ~ .govuk-character-count__status")).getText())
                .as("GOV.UK character count").isEqualTo("You have 19,963 characters remaining");
        browser.assertAccessible("the form showing a draft");
        browser.screenshot("respond-draft");

        browser.choose("q-preference", "q-preference_b");
        browser.tabTo(By.xpath("//button[normalize-space()='Send response']"));
        browser.enter(titleContains("Response sent"));
        assertThat(browser.text()).contains("Thank you for responding for Blaby District Council");
        browser.assertAccessible("the sent page");
        browser.screenshot("respond-sent");

        await().atMost(Duration.ofSeconds(30)).until(() -> versions("browser-answer", "blaby") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo("stephen.farrow@example.org").stream()
                .anyMatch(m -> subject(m).startsWith("We have received your response: ")));

        browser.open(link);
        assertThat(browser.find(By.id("last-sent")).getText()).contains("by Jane Smith")
                .contains("This is version 1, the one that counts");
        assertThat(browser.find(By.tagName("main")).findElements(By.id("last-saved"))).as("the draft went with the send").isEmpty();
        assertThat(browser.find(By.id("q-preference_b")).isSelected()).isTrue();
        browser.choose("q-preference", "q-preference_c");
        browser.tabTo(By.xpath("//button[normalize-space()='Send response']"));
        browser.enter(titleContains("Response sent"));
        await().atMost(Duration.ofSeconds(30)).until(() -> versions("browser-answer", "blaby") == 2);
        assertThat(consultee("browser-answer", "blaby").path("state").asText()).isEqualTo("RESPONDED");

        browser.open(link);
        assertThat(browser.find(By.id("last-sent")).getText()).contains("This is version 2, the one that counts");
        assertThat(browser.find(By.id("q-preference_c")).isSelected()).isTrue();
        browser.tabTo(By.linkText("View or print a copy of this response"));
        browser.enter(titleContains("Your response"));
        assertThat(browser.text()).contains("Version 2: the one that counts").contains("Model C")
                .contains("Advice and training for small groups.");
        browser.assertAccessible("the printable copy");
        browser.screenshot("respond-copy");
        browser.media("print");
        try {
            assertThat(browser.find(By.className("govuk-service-navigation")).isDisplayed()).isFalse();
            assertThat(browser.find(By.xpath("//a[normalize-space()='Go back to your answers']")).isDisplayed()).isFalse();
            assertThat(browser.find(By.className("govuk-summary-list")).isDisplayed()).isTrue();
            browser.screenshot("respond-copy-printed");
        } finally {
            browser.media("screen");
        }
    }

    @Test
    void afterTheDeadlineThePageSaysTheRoundClosedAndStillTakesALateResponse() throws Exception {
        start("browser-late");
        var link = linkFromInvitation("browser-late", "charnwood", "angela.whitby@example.org");
        var closing = coordinator().exchange("/api/consultations/browser-late/close", HttpMethod.POST, null,
                JsonNode.class);
        assertThat(closing.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !status("browser-late").equals("OPEN"));

        var closedAt = java.time.Instant.parse(coordinator().getForObject("/api/consultations/browser-late",
                JsonNode.class).path("closedAt").asText());
        browser.open(link);
        assertThat(browser.text()).as("closed early: the page names when, not the deadline it had")
                .contains("This consultation closed at " + Deadlines.format(closedAt.atZone(ZoneId.of("Europe/London"))))
                .contains("You can still send a response: we will keep it, but it will be marked as late.");
        browser.assertAccessible("the form of a closed round");
        browser.screenshot("respond-closed");

        browser.choose("q-preference", "q-preference");
        browser.tabTo(By.xpath("//button[normalize-space()='Send response']"));
        browser.enter(titleContains("Response sent"));
        assertThat(browser.text()).contains("The consultation had already closed, so your response is kept but marked as late.");
        browser.assertAccessible("the sent page of a late response");

        await().atMost(Duration.ofSeconds(30)).until(() -> consultee("browser-late", "charnwood").path("late").asBoolean());
        browser.open(link);
        assertThat(browser.find(By.id("last-sent")).getText()).contains("it was sent after the deadline, so it is marked as late");
    }

    @Test
    void afterTheApprovedReportsLateWindowTheLinkSaysTheConsultationIsNoLongerTakingResponses() throws Exception {
        start("browser-approved");
        var link = linkFromInvitation("browser-approved", "melton", "paul.asfordby@example.org");
        coordinator().exchange("/api/consultations/browser-approved/close", HttpMethod.POST, null, JsonNode.class);
        await().atMost(Duration.ofSeconds(60)).until(() -> status("browser-approved").equals("REPORT_DRAFTED"));
        assertThat(coordinator().exchange("/api/consultations/browser-approved/report/approval", HttpMethod.POST, null,
                JsonNode.class).getStatusCode().is2xxSuccessful()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> status("browser-approved").equals("APPROVED"));

        browser.open(link);
        assertThat(browser.title()).startsWith("Consultation closed – ");
        assertThat(browser.text()).contains("This consultation is no longer taking responses");
        browser.assertAccessible("a link no longer taking responses");
        browser.screenshot("respond-no-longer-taking-responses");

        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("q-preference", "a");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        var refused = rest.exchange(URI.create(link).getPath(), HttpMethod.POST, new HttpEntity<>(form, headers),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.GONE);
        Thread.sleep(1_000);
        assertThat(versions("browser-approved", "melton")).as("nothing was sent").isZero();
    }

    @Test
    void aLinkThatIsNotRecognisedGetsPageNotFoundInTheSameLook() {
        browser.open(url("/respond/not-a-real-link"));

        assertThat(browser.title()).isEqualTo("Page not found – Respond to a consultation");
        assertThat(browser.find(By.className("govuk-service-navigation")).getText()).contains("Respond to a consultation");
        browser.assertAccessible("page not found");
        browser.screenshot("respond-not-found");
    }

    // --- helpers ---

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void start(String key) throws IOException {
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"))
                .replace("key: vcs-infrastructure-2007", "key: " + key);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var started = coordinator().exchange("/api/consultations?rehearsal=PT10M", HttpMethod.POST,
                new HttpEntity<>(yaml, headers), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** The personal link as the invited contact received it, pointed at this test's server. */
    private String linkFromInvitation(String round, String consultee, String contact) {
        var expected = URI.create(links.url(round, consultee)).getPath();
        var found = new ArrayList<String>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            for (var message : mailsTo(contact)) {
                if (subject(message).startsWith("Invitation to respond: ")) {
                    var matcher = LINK.matcher(text(message));
                    while (matcher.find()) {
                        found.add(matcher.group());
                    }
                }
            }
            return found.contains(expected);
        });
        return url(expected);
    }

    private List<MimeMessage> mailsTo(String address) throws MessagingException {
        var mine = new ArrayList<MimeMessage>();
        for (var message : mail.getReceivedMessages()) {
            for (var to : message.getRecipients(Message.RecipientType.TO)) {
                if (to.toString().contains(address)) {
                    mine.add(message);
                }
            }
        }
        return mine;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        var text = new StringBuilder();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
        }
        return text.toString();
    }

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth("coordinator", "coordinator");
    }

    private String status(String round) {
        return coordinator().getForObject("/api/consultations/" + round, JsonNode.class).path("status").asText();
    }

    private JsonNode consultee(String round, String consultee) {
        for (var view : coordinator().getForObject("/api/consultations/" + round, JsonNode.class).path("consultees")) {
            if (view.path("id").asText().equals(consultee)) {
                return view;
            }
        }
        throw new AssertionError("no consultee " + consultee + " in round " + round);
    }

    private int versions(String round, String consultee) {
        return consultee(round, consultee).path("responseVersions").asInt();
    }
}
