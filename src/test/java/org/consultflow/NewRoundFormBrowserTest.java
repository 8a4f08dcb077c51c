package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.titleIs;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A coordinator with no definition file fills in the new-round form in real headless Chromium, keyboard only: a
 * choice question with a single option is refused at that question, fixed, previewed and started as a rehearsal.
 * Set up as {@link ConsoleBrowserTest} is, with a database of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "org.consultflow.Browser#installed",
        disabledReason = "skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing; the browser tests use "
                + "Debian's (apt-get install chromium chromium-driver), never a downloaded browser")
class NewRoundFormBrowserTest {

    static final String TITLE = "Future of the branch libraries";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "console_form");
    }

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
    void aCoordinatorFillsInARoundFixesTheProblemShownAtItsFieldAndRehearsesIt() {
        var deadline = LocalDate.now(ZoneId.of("Europe/London")).plusDays(30);

        browser.open(url("/console"));
        browser.type(By.id("username"), "coordinator");
        browser.type(By.id("password"), "coordinator");
        browser.tabTo(By.cssSelector("button[type=submit]"));
        browser.enter(titleIs("Rounds – ConsultFlow"));
        browser.tabTo(By.id("start-new-round"));
        browser.enter(titleIs("Start a new round – ConsultFlow"));
        browser.tabTo(By.id("fill-in-form"));
        browser.enter(titleIs("Fill in a new round – ConsultFlow"));
        assertThat(browser.find(By.id("timezone")).getAttribute("value")).isEqualTo("Europe/London");

        browser.type(By.id("key"), "libraries-2030");
        browser.type(By.id("title"), TITLE);
        browser.type(By.id("coordinator-name"), "Pat Officer");
        browser.type(By.id("coordinator-email"), "pat.officer@example.org");
        browser.type(By.id("deadline-date"), deadline.format(DateTimeFormatter.ofPattern("d/M/uuuu")));
        browser.type(By.id("reminders"), "14, 7, 2");
        browser.type(By.id("chase"), "3");
        browser.type(By.id("group-0-id"), "parish");
        browser.type(By.id("group-0-label"), "Parish councils");
        browser.tabTo(By.id("group-0-required"));
        browser.keys(Keys.SPACE);
        browser.type(By.id("group-1-id"), "residents");
        browser.type(By.id("group-1-label"), "Residents' associations");
        browser.type(By.id("question-0-id"), "view");
        browser.type(By.id("question-0-text"), "What should the libraries keep doing?");
        browser.type(By.id("question-1-id"), "model");
        browser.choose("question-1-type", "question-1-type-choice");
        browser.type(By.id("question-1-text"), "Which model do you prefer?");
        // The mistake: a choice with nothing to choose between.
        browser.type(By.id("question-1-options"), "Keep every branch");
        browser.type(By.id("consultees"), "id,organisation,group,name,email\n"
                + "ashby,Ashby Parish Council,parish,Ann Clerk,clerk@ashby.example.org\n"
                + "elm,Elm Street Residents,residents,,elm@example.org");
        browser.tabTo(By.id("check"));
        browser.enter(titleIs("Error: Fill in a new round – ConsultFlow"));

        assertThat(browser.find(By.id("problems")).getText())
                .isEqualTo("questions[1].options: a CHOICE question needs at least two options");
        assertThat(browser.find(By.linkText("questions[1].options: a CHOICE question needs at least two options"))
                .getAttribute("href")).endsWith("#question-1-options");
        assertThat(browser.find(By.id("question-1-options-error")).getText())
                .contains("a CHOICE question needs at least two options");
        assertThat(browser.find(By.id("key")).getAttribute("value")).as("every input kept").isEqualTo("libraries-2030");
        assertThat(browser.find(By.id("group-0-required")).isSelected()).isTrue();
        assertThat(browser.find(By.id("question-1-type-choice")).isSelected()).isTrue();
        assertThat(browser.find(By.id("consultees")).getAttribute("value")).contains("elm@example.org");
        browser.assertAccessible("the new-round form with a problem");
        browser.screenshot("console-new-round-form");

        browser.type(By.id("question-1-options"), "Keep every branch\nB: Merge two branches");
        browser.tabTo(By.id("check"));
        browser.enter(titleIs("Check the round before starting – ConsultFlow"));
        assertThat(browser.find(By.id("mail-subject")).getText()).isEqualTo("Invitation to respond: " + TITLE);
        assertThat(browser.find(By.id("mail-text")).getText()).contains("Dear Ann Clerk,").contains("Pat Officer");

        browser.type(By.id("minutes"), "30");
        browser.tabTo(By.id("start-rehearsal"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Rehearsal started");
        assertThat(browser.find(By.id("round-status")).getText()).isEqualTo("Open");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
