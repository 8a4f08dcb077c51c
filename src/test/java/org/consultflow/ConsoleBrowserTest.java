package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.openqa.selenium.support.ui.ExpectedConditions.titleContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.titleIs;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A coordinator runs a whole rehearsal from the console in real headless Chromium, with the keyboard alone: sign in,
 * a definition refused and fixed, the preview, the live dashboard as partner responses arrive on Kafka, a deadline
 * moved (and the engine's reminder timers with it), a letter recorded, the round closed, the report reviewed and
 * approved, the responses exported, and sign out. axe-core checks every console page on the way; screenshots land in
 * {@code target/browser-screenshots} (copied to {@code docs/screenshots}).
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
class ConsoleBrowserTest {

    static final String KEY = "console-rehearsal";
    static final String TITLE = "Review of Voluntary and Community Sector Infrastructure";
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "console");
    }

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired org.camunda.bpm.engine.HistoryService history;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired GreenMail mail;
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
    void aCoordinatorRunsARehearsalFromTheConsoleWithTheKeyboardAlone(@org.junit.jupiter.api.io.TempDir Path files)
            throws Exception {
        var seed = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"))
                .replace("key: vcs-infrastructure-2007", "key: " + KEY);
        var broken = files.resolve("broken.yaml");
        Files.writeString(broken, seed.replace("email: stephen.farrow@example.org", "email: stephen.farrow-at-example.org"));
        var fixed = files.resolve("fixed.yaml");
        Files.writeString(fixed, seed);

        // Sign in: the console is the home page.
        browser.open(url("/console"));
        browser.type(By.id("username"), "coordinator");
        browser.type(By.id("password"), "coordinator");
        browser.tabTo(By.cssSelector("button[type=submit]"));
        browser.enter(titleIs("Rounds – ConsultFlow"));
        assertThat(browser.find(By.tagName("header")).getText()).contains("ConsultFlow");
        assertThat(browser.text()).contains("No rounds have been started yet.");
        assertThat(browser.find(By.id("sign-out")).getText()).isEqualTo("Sign out");
        page("console-rounds-empty");

        // A definition with one mistake is refused, the problem shown at the field.
        browser.tabTo(By.id("start-new-round"));
        browser.enter(titleIs("Start a new round – ConsultFlow"));
        page("console-new");
        browser.find(By.id("file")).sendKeys(broken.toString());
        browser.tabTo(By.id("check"));
        browser.enter(titleIs("Error: Start a new round – ConsultFlow"));
        assertThat(browser.find(By.className("govuk-error-summary")).getText()).contains("contact.email");
        assertThat(browser.find(By.id("definition-error")).getText()).contains("consultees[").contains("contact.email");
        assertThat(browser.find(By.id("definition")).getAttribute("value")).as("the definition is kept to fix")
                .contains("stephen.farrow-at-example.org");
        page("console-new-error");

        // Fixed, it goes on to the preview: the invitation as a consultee gets it, and their response page.
        browser.find(By.id("file")).sendKeys(fixed.toString());
        browser.tabTo(By.id("check"));
        browser.enter(titleIs("Check the round before starting – ConsultFlow"));
        assertThat(browser.find(By.id("mail-subject")).getText()).isEqualTo("Invitation to respond: " + TITLE);
        assertThat(browser.find(By.id("mail-text")).getText()).contains("Dear Stephen Farrow,")
                .containsIgnoringCase("Respond by 11:59pm on Monday 30 April 2007");
        page("console-preview");
        browser.tabTo(By.id("response-page"));
        browser.enter(titleContains("Respond to a consultation"));
        assertThat(browser.text()).contains("Preview").contains("Nothing can be sent from it");
        assertThat(browser.find(By.tagName("main")).findElements(By.xpath("//button[normalize-space()='Send response']")))
                .as("a preview sends nothing").isEmpty();
        browser.assertAccessible("the response page preview");
        browser.screenshot("console-preview-response");

        // Started as a rehearsal of half an hour.
        browser.open(url("/console/rounds/new/preview"));
        browser.type(By.id("minutes"), "half an hour");
        browser.tabTo(By.id("start-rehearsal"));
        browser.enter(titleIs("Error: Check the round before starting – ConsultFlow"));
        assertThat(browser.find(By.id("minutes-error")).getText()).contains("whole number of minutes");
        browser.type(By.id("minutes"), "30");
        browser.tabTo(By.id("start-rehearsal"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Rehearsal started");
        assertThat(browser.find(By.id("round-status")).getText()).isEqualTo("Open");
        await().atMost(Duration.ofSeconds(60)).until(() -> reminderTimers().length == 20);

        // The dashboard follows responses published on Kafka by the partner portal, without a reload.
        assertThat(browser.find(By.id("overall")).getText()).startsWith("0 of 20 consultees have responded");
        assertThat(browser.find(By.id("required-outstanding")).getText()).contains("Blaby District Council");
        page("console-dashboard-empty");
        publish("blaby", "b", "Advice for small groups");
        // A cell a spreadsheet would run as a formula: the export must defuse it.
        publish("big-lottery-fund", "c", "=HYPERLINK(\"https://example.org\")");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.find(By.id("overall")).getText().startsWith("2 of 20 consultees have responded"));
        assertThat(browser.find(By.id("live-status")).getText()).contains("Updated: 2 of 20 consultees have responded");
        assertThat(browser.find(By.id("required-outstanding")).getText()).doesNotContain("Blaby District Council");
        assertThat(browser.find(By.id("consultee-blaby")).getText()).contains("Responded").contains("Partner system");

        // Filters and search work as a plain GET form.
        browser.type(By.id("filter-q"), "lottery");
        browser.tabTo(By.id("apply-filters"));
        browser.enter(driver -> driver.getCurrentUrl().contains("q=lottery"));
        assertThat(browser.find(By.id("consultees")).getText()).contains("Big Lottery").doesNotContain("Blaby");
        // An emailed reply matched to the round, as the mailbox reader stores it, waits to be recorded.
        jdbc.sql("""
                insert into emailed_reply (message_id, round_key, consultee_id, from_address, subject, received_at,
                                           body, status)
                values ('<reply-1@example.org>', ?, 'melton', 'paul.asfordby@example.org', ?, ?, 'We prefer B.',
                        'WAITING')""")
                .params(KEY, "Re: Invitation to respond: " + TITLE, java.sql.Timestamp.from(Instant.now())).update();
        browser.open(url("/console"));
        assertThat(browser.find(By.id("rounds")).getText()).contains(TITLE).contains("Rehearsal").contains("10%");
        page("console-rounds");
        browser.tabTo(By.linkText(TITLE));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.find(By.id("replies")).getText()).contains("paul.asfordby@example.org")
                .contains("Re: Invitation to respond: " + TITLE);
        page("console-dashboard");

        // The deadline moves a day; every engagement's reminder timer moves with it.
        var before = reminderTimers();
        var latestBefore = Arrays.stream(before).map(job -> job.getDuedate().toInstant()).max(Instant::compareTo).orElseThrow();
        browser.tabTo(By.id("change-deadline"));
        browser.enter(titleIs("Change the deadline – ConsultFlow"));
        page("console-deadline");
        var deadline = Instant.parse(coordinator().getForObject("/api/consultations/" + KEY, JsonNode.class)
                .path("deadline").asText()).atZone(LONDON).plusDays(1);
        browser.type(By.id("deadline-day"), "" + deadline.getDayOfMonth());
        browser.type(By.id("deadline-month"), "" + deadline.getMonthValue());
        browser.type(By.id("deadline-year"), "" + deadline.getYear());
        browser.type(By.id("deadline-time"), String.format("%02d:%02d", deadline.getHour(), deadline.getMinute()));
        browser.tabTo(By.id("move-deadline"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Deadline moved to");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reminderTimers())
                .isNotEmpty()
                .allSatisfy(job -> assertThat(job.getDuedate().toInstant())
                        .isAfter(latestBefore.plus(Duration.ofHours(23)))));

        // A letter from Charnwood: first sent without its details, then recorded.
        browser.tabTo(By.id("record-response"));
        browser.enter(titleIs("Record a response – ConsultFlow"));
        page("console-record");
        browser.tabTo(By.id("record"));
        browser.enter(titleIs("Error: Record a response – ConsultFlow"));
        assertThat(browser.find(By.id("consultee-error")).getText()).contains("Choose the organisation");
        assertThat(browser.find(By.id("channel-letter-error")).getText()).contains("letter, email or phone");
        assertThat(browser.find(By.id("received-day-error")).getText()).contains("Enter the date");
        page("console-record-error");
        browser.tabTo(By.id("consultee"));
        browser.keys("Charnwood");
        browser.choose("channel", "channel-letter");
        var today = LocalDate.now(LONDON);
        browser.type(By.id("received-day"), "" + today.getDayOfMonth());
        browser.type(By.id("received-month"), "" + today.getMonthValue());
        browser.type(By.id("received-year"), "" + today.getYear());
        browser.type(By.id("q-role"), "Helping parish groups find funding.");
        browser.choose("q-preference", "q-preference-b");
        browser.type(By.id("note"), "Letter of 20 April, filed under VCS/2007/4");
        browser.tabTo(By.id("record"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Response recorded for Charnwood");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.find(By.id("consultee-charnwood")).getText().contains("Letter"));

        // An invitation sent again: after confirming, a new mail with a new link; the first mail's link is refused.
        await().atMost(Duration.ofSeconds(60)).until(() -> invitationsTo("karen.stapleton@example.org").size() == 1);
        var oldLink = linkIn(invitationsTo("karen.stapleton@example.org").get(0));
        browser.tabTo(By.id("resend-hinckley-bosworth"));
        browser.enter(titleIs("Send the invitation again – ConsultFlow"));
        assertThat(browser.text()).contains("Hinckley and Bosworth Borough Council").contains("will stop working");
        page("console-resend");
        browser.tabTo(By.id("resend"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Invitation sent again to Hinckley and Bosworth Borough Council");
        await().atMost(Duration.ofSeconds(30)).until(() -> invitationsTo("karen.stapleton@example.org").size() == 2);
        var newLink = linkIn(invitationsTo("karen.stapleton@example.org").get(1));
        assertThat(newLink).isNotEqualTo(oldLink);
        browser.open(url(oldLink));
        assertThat(browser.title()).startsWith("This link has been replaced");
        assertThat(rest.getForEntity(oldLink, String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);
        browser.open(url(newLink));
        assertThat(browser.title()).isEqualTo(TITLE + " – Respond to a consultation");
        assertThat(browser.text()).contains("Hinckley and Bosworth Borough Council");

        // A reminder now: nobody ticked is a problem; one silent consultee and one who responded, only the silent one
        // is reminded, and the dashboard counts it once the mail has gone.
        browser.open(url("/console/rounds/" + KEY));
        browser.tabTo(By.id("remind-selected"));
        browser.enter(titleIs("Error: " + TITLE + " – ConsultFlow"));
        assertThat(browser.find(By.className("govuk-error-summary")).getText()).contains("Select the consultees to remind");
        browser.tabTo(By.id("remind-north-west-leicestershire"));
        browser.keys(Keys.SPACE);
        browser.tabTo(By.id("remind-blaby"));
        browser.keys(Keys.SPACE);
        browser.tabTo(By.id("remind-selected"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.find(By.id("reminded")).getText()).contains("Reminder on the way to 1 consultee")
                .contains("North West Leicestershire District Council")
                .contains("Blaby District Council: has responded");
        page("console-reminded");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> browser.find(
                By.cssSelector("#consultee-north-west-leicestershire > :nth-child(6)")).getText().equals("1"));

        // A consultee added: a taken id and a broken address are refused at their fields, then it is added and invited.
        browser.tabTo(By.id("add-consultee"));
        browser.enter(titleIs("Add a consultee – ConsultFlow"));
        page("console-add-consultee");
        browser.type(By.id("organisation"), "Voluntary Action Leicester");
        browser.type(By.id("id"), "blaby");
        browser.tabTo(By.id("group"));
        browser.keys("Key partners");
        browser.type(By.id("contact-name"), "Ruth Ogden");
        browser.type(By.id("contact-email"), "ruth.ogden@@example.org");
        browser.tabTo(By.id("add"));
        browser.enter(titleIs("Error: Add a consultee – ConsultFlow"));
        assertThat(browser.find(By.id("id-error")).getText()).contains("already the id of a consultee");
        assertThat(browser.find(By.id("contact-email-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("organisation")).getAttribute("value")).isEqualTo("Voluntary Action Leicester");
        page("console-add-consultee-error");
        browser.type(By.id("id"), "voluntary-action-leicester");
        browser.type(By.id("contact-email"), "ruth.ogden@example.org");
        browser.tabTo(By.id("add"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Voluntary Action Leicester added");
        assertThat(browser.find(By.id("consultee-voluntary-action-leicester")).getText()).contains("Key partners");
        await().atMost(Duration.ofSeconds(30)).until(() -> invitationsTo("ruth.ogden@example.org").size() == 1);

        // A chase call: Harborough's chase timer is brought forward (the rehearsal's falls near the moved deadline),
        // the call is listed, its outcome first left out, then recorded.
        var harboroughInstance = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(KEY + ":harborough").singleResult().getId();
        var harborough = await().atMost(Duration.ofSeconds(30)).until(() -> management.createJobQuery().timers()
                .activityId("Event_ChaseDue").processInstanceId(harboroughInstance).singleResult(), job -> job != null);
        management.executeJob(harborough.getId());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.open(url("/console/rounds/" + KEY));
            return !browser.find(By.tagName("main")).findElements(By.id("chases")).isEmpty();
        });
        assertThat(browser.find(By.id("chases")).getText()).contains("Harborough District Council");
        browser.tabTo(By.id("chase-harborough"));
        browser.enter(titleIs("Record a chase call – ConsultFlow"));
        page("console-chase");
        browser.tabTo(By.id("record-chase"));
        browser.enter(titleIs("Error: Record a chase call – ConsultFlow"));
        assertThat(browser.find(By.id("outcome-error")).getText()).contains("Enter what came of the call");
        browser.type(By.id("outcome"), "Promised a response by Friday");
        browser.type(By.id("note"), "Spoke to the clerk");
        browser.tabTo(By.id("record-chase"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Chase call to Harborough District Council recorded");
        assertThat(browser.text()).contains("No chase calls are due");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> browser.find(
                By.id("consultee-harborough")).getText().contains("Chased: Promised a response by Friday: Spoke to the clerk"));

        // The emailed reply waiting for Melton: read as text, recorded with its answer.
        var meltonReply = jdbc.sql("select id from emailed_reply where message_id = '<reply-1@example.org>'")
                .query(Long.class).single();
        browser.tabTo(By.id("reply-" + meltonReply));
        browser.enter(titleIs("Emailed reply – ConsultFlow"));
        assertThat(browser.find(By.id("reply-body")).getText()).isEqualTo("We prefer B.");
        assertThat(browser.find(By.id("reply-consultee")).getText()).isEqualTo("Melton Borough Council");
        page("console-reply");
        browser.choose("q-preference", "q-preference-b");
        browser.tabTo(By.id("record-reply"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Emailed reply recorded as the response of Melton Borough Council");

        // An unmatched reply in triage: its round chosen, then its organisation, then recorded the same way.
        var unmatched = jdbc.sql("""
                insert into emailed_reply (message_id, round_key, consultee_id, from_address, subject, received_at,
                                           body, status)
                values ('<reply-2@example.org>', null, null, 'mark.kilby@example.org', 'Our views on the models', ?,
                        ?, 'UNMATCHED') returning id""")
                .params(java.sql.Timestamp.from(Instant.now()), "Oadby and Wigston favour Model C.\n<b>not markup</b>")
                .query(Long.class).single();
        browser.tabTo(By.linkText("Unmatched replies"));
        browser.enter(titleIs("Unmatched replies – ConsultFlow"));
        page("console-replies");
        browser.tabTo(By.id("reply-" + unmatched));
        browser.enter(titleIs("Emailed reply – ConsultFlow"));
        assertThat(browser.find(By.id("reply-body")).getText()).contains("<b>not markup</b>");
        browser.tabTo(By.id("round"));
        browser.keys(TITLE);
        browser.tabTo(By.id("choose-round"));
        browser.enter(driver -> driver.getCurrentUrl().contains("round=" + KEY));
        page("console-reply-triage");
        browser.tabTo(By.id("consultee"));
        browser.keys("Oadby");
        browser.choose("q-preference", "q-preference-c");
        browser.tabTo(By.id("record-reply"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Emailed reply recorded as the response of Oadby and Wigston Borough Council");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> browser.find(By.id("consultee-oadby-wigston")).getText().contains("Email")
                        && browser.find(By.id("consultee-melton")).getText().contains("Email"));

        // Closed now, after confirming.
        browser.tabTo(By.id("close-now"));
        browser.enter(titleIs("Close the round now – ConsultFlow"));
        page("console-close");
        browser.tabTo(By.id("close"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("The round is closing");
        await().atMost(Duration.ofSeconds(60)).until(() -> status().equals("REPORT_DRAFTED"));

        // Closed, the round takes no more consultees, invitations or reminders, and the pages say so.
        browser.open(url("/console/rounds/" + KEY + "/consultees/new"));
        assertThat(browser.text()).contains("The round is closed: consultees can no longer be added.");
        assertThat(browser.find(By.tagName("main")).findElements(By.id("add"))).isEmpty();
        browser.open(url("/console/rounds/" + KEY + "/consultees/blaby/invitation"));
        assertThat(browser.find(By.id("resend")).getText()).contains("invitations can no longer be sent");
        browser.open(url("/console/rounds/" + KEY));
        assertThat(browser.find(By.tagName("main")).findElements(By.id("remind-selected"))).isEmpty();
        assertThat(browser.find(By.tagName("main")).findElements(By.id("resend-blaby"))).isEmpty();

        // The report: commentary written, the draft read, then approved.
        browser.open(url("/console/rounds/" + KEY));
        assertThat(browser.find(By.id("round-status")).getText()).isEqualTo("Report in review");
        assertThat(browser.find(By.id("history")).getText()).contains("deadline.moved").contains("round.closed-now")
                .contains("response.recorded-offline").contains("coordinator").contains("invitation.resent")
                .contains("reminder.sent-now").contains("consultee.added").contains("chase.recorded");
        browser.tabTo(By.id("review-report"));
        browser.enter(titleIs("Review the report – ConsultFlow"));
        page("console-report");
        browser.type(By.id("heading-0"), "Officers' view");
        browser.type(By.id("text-0"), "Districts favour Model B.");
        browser.tabTo(By.id("save-commentary"));
        // The page after saving has the same title as the one before: wait for the saved page's banner instead.
        browser.enter(textToBePresentInElementLocated(By.tagName("main"), "Commentary saved"));
        assertThat(browser.text()).contains("Commentary saved");
        browser.tabTo(By.id("request-changes"));
        browser.enter(titleIs("Error: Review the report – ConsultFlow"));
        assertThat(browser.find(By.id("changes-error")).getText()).contains("Describe the changes");
        browser.tabTo(By.id("read-draft"));
        browser.enter(driver -> driver.getPageSource().contains("Officers' view"));
        assertThat(browser.find(By.tagName("body")).getText()).contains("Districts favour Model B.");
        browser.open(url("/console/rounds/" + KEY + "/report"));
        browser.tabTo(By.id("approve"));
        browser.enter(titleIs(TITLE + " – ConsultFlow"));
        assertThat(browser.text()).contains("Report approved");
        await().atMost(Duration.ofSeconds(60)).until(() -> status().equals("APPROVED"));

        // The export: BOM, a header and one row per consultee, the letter and the partner's answers in it.
        browser.open(url("/console/rounds/" + KEY));
        assertThat(browser.find(By.id("round-status")).getText()).isEqualTo("Approved");
        page("console-dashboard-approved");
        var csvPath = URI.create(browser.find(By.id("export-csv")).getAttribute("href")).getPath();
        var csv = coordinator().getForEntity(csvPath, byte[].class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        var bytes = csv.getBody();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        var lines = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).as("the header and 21 consultees, one added").hasSize(22);
        assertThat(lines[0]).startsWith("consultee id,organisation,group,required,responded,version,channel");
        assertThat(row(lines, "charnwood")).contains(",yes,1,letter,").contains("Helping parish groups find funding.")
                .contains("Model B");
        assertThat(row(lines, "blaby")).contains(",yes,1,partner,");
        assertThat(row(lines, "big-lottery-fund")).contains("\"'=HYPERLINK(\"\"https://example.org\"\")\"");
        assertThat(row(lines, "melton")).contains(",yes,1,email,");
        assertThat(row(lines, "hinckley-bosworth")).contains(",yes,no,,");

        // Admins find the round's processes in Cockpit from the dashboard; coordinators do not.
        var roundInstance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(KEY).singleResult();
        var blabyInstance = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(KEY + ":blaby")
                .singleResult();
        var asAdmin = rest.withBasicAuth("admin", "admin").getForObject("/console/rounds/" + KEY, String.class);
        assertThat(asAdmin).contains("/camunda/app/cockpit/default/#/process-instance/" + roundInstance.getId())
                .contains("/camunda/app/cockpit/default/#/process-instance/" + blabyInstance.getId());
        assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Cockpit");

        // Signed out, the console asks for a login again.
        browser.tabTo(By.id("sign-out"));
        browser.enter(driver -> driver.getCurrentUrl().contains("/login"));
        browser.open(url("/console"));
        assertThat(browser.find(By.id("username")).isDisplayed()).isTrue();
    }

    @Test
    void theConsoleIsForSignedInCoordinatorsAndItsFormsNeedTheSessionsToken() {
        // The test's client follows redirects: it ends where a browser would.
        var anonymous = rest.getForEntity("/console", String.class);
        assertThat(anonymous.getBody()).contains("id=\"username\"").doesNotContain("Consultation rounds");
        assertThat(coordinator().getForEntity("/", String.class).getBody()).contains("Rounds – ConsultFlow");

        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("mode", "real");
        // Credentials alone do not do: outside the API every change needs the session's CSRF token.
        var forged = coordinator().postForEntity("/console/rounds/new/start", form, String.class);
        assertThat(forged.getStatusCode()).as("no CSRF token, no start").isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anUnknownRoundGetsAPageNotJson() {
        var response = coordinator().getForEntity("/console/rounds/no-such-round", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(response.getBody()).contains("Round not found – ConsultFlow")
                .contains("There is no consultation round with the key &#39;no-such-round&#39;");
    }

    @Test
    void anUnknownReplyOrARoundBehindAnActionGetsAPageNotJson() {
        var reply = coordinator().getForEntity("/console/replies/987654", String.class);
        assertThat(reply.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(reply.getBody()).contains("Reply not found – ConsultFlow")
                .contains("There is no emailed reply with the id 987654.");
        var invitation = coordinator().getForEntity("/console/rounds/no-such-round/consultees/blaby/invitation",
                String.class);
        assertThat(invitation.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(invitation.getBody()).contains("Round not found – ConsultFlow");
    }

    // --- helpers ---

    /** axe on the page, then its screenshot. */
    private void page(String name) {
        browser.assertAccessible(name);
        browser.screenshot(name);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String row(String[] lines, String consultee) {
        return Arrays.stream(lines).filter(line -> line.startsWith(consultee + ",")).findFirst().orElseThrow();
    }

    /** The invitations caught by the test's SMTP server for one address, oldest first. */
    private List<MimeMessage> invitationsTo(String address) throws Exception {
        var found = new java.util.ArrayList<MimeMessage>();
        for (var message : mail.getReceivedMessages()) {
            if (message.getSubject().startsWith("Invitation to respond")
                    && message.getRecipients(Message.RecipientType.TO)[0].toString().contains(address)) {
                found.add(message);
            }
        }
        return found;
    }

    /** The personal link's path in a mail's text. */
    private static String linkIn(MimeMessage message) throws Exception {
        var body = text(message.getContent());
        var at = body.indexOf("/respond/");
        return body.substring(at).split("[\\s\"<]")[0];
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        var multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.getContent() instanceof Multipart nested) {
                var found = text(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private Job[] reminderTimers() {
        return management.createJobQuery().timers().activityId("Event_ReminderDue").list().toArray(Job[]::new);
    }

    /** As the seed definition's partner portal answers, with a plain producer. */
    private void publish(String consultee, String preference, String role) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        var data = new LinkedHashMap<String, Object>();
        data.put("roundKey", KEY);
        data.put("consulteeId", consultee);
        data.put("answers", Map.of("role", role, "preference", preference));
        data.put("respondent", Map.of("name", "Portal user", "email", consultee + "@example.org"));
        data.put("submittedAt", OffsetDateTime.now().toString());
        var event = CloudEventBuilder.v1().withId(KEY + "-" + consultee).withSource(URI.create("/partner"))
                .withType("consultation.response.submitted").withDataContentType("application/json")
                .withData(new ObjectMapper().writeValueAsBytes(data)).build();
        var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            producer.send(new ProducerRecord<>("consultation.responses", consultee, format.serialize(event))).get();
        }
    }

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth("coordinator", "coordinator");
    }

    private String status() {
        return coordinator().getForObject("/api/consultations/" + KEY, JsonNode.class).path("status").asText();
    }

}
