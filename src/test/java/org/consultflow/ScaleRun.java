package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.scale.DatabaseBaseline;
import org.consultflow.scale.EngineBaseline;
import org.consultflow.scale.Figures;
import org.consultflow.scale.MailBaseline;
import org.consultflow.scale.Series;
import org.consultflow.scale.Statements;
import org.consultflow.scale.Usage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

/**
 * One round of N consultees through the real in-process broker, SMTP server, engine and PostgreSQL, stage by stage:
 * fan-out, a reminder wave to everyone still silent, every consultee responding through Kafka, close to draft
 * report. Each stage is timed with the CPU this JVM and PostgreSQL spent on it, and the round is checked to have
 * worked (everyone invited, reminded and receipted once, every response recorded and correlated, the tallies right).
 * The same run can measure the plain loops beneath each stage, so that a figure reads as a share of what the
 * services allow on this machine at this moment.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S",
        // The job executor and connection pool are application.yaml's: the benchmark measures what ships.
        // One line per recorded response would bury the table.
        "logging.level.org.consultflow.response.ResponseListener=WARN"})
@DirtiesContext
abstract class ScaleRun {

    static final Duration PATIENCE = Duration.ofMinutes(20);
    static final String INVITATION = "Invitation to respond";
    static final String REMINDER = "Reminder:";
    static final String RECEIPT = "received your";

    @Autowired TestRestTemplate rest;
    @Autowired GreenMail mail;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired RuntimeService runtime;
    @Autowired RepositoryService repository;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;
    @Autowired JdbcTemplate jdbcTemplate;
    @Value("${spring.mail.port}") int smtpPort;

    final ObjectMapper json = new ObjectMapper();
    final Figures figures = new Figures();
    private final Map<MimeMessage, String> subjects = new IdentityHashMap<>();
    private final Map<String, AtomicLong> delivered = new ConcurrentHashMap<>();
    private boolean counting;
    private static final String MAILBOX = "everyone@scale.example";

    /**
     * The plain loops, each over {@code n} items: the ratios are then taken against the same number of live engine
     * instances, mails and rows as the round had.
     */
    void baselines(Figures.Size size, int n) throws Exception {
        receiveIntoOneMailbox();
        var engine = new EngineBaseline(repository, runtime);
        var prefix = "baseline-" + n + "-";
        size.baseline("process start (1 thread)", engine.start(prefix + "a", n));
        engine.start(prefix + "b", n);
        size.baseline("correlation (1 thread)", engine.correlate(prefix + "a", n, 1));
        var cores = Runtime.getRuntime().availableProcessors();
        size.baseline("correlation (" + cores + " threads)", engine.correlate(prefix + "b", n, cores));
        size.baseline("mail (one connection)", MailBaseline.send("localhost", smtpPort, n));
        size.baseline("start + mail (serial)", 1 / (1 / size.baseline("process start (1 thread)")
                + 1 / size.baseline("mail (one connection)")));
        size.baseline("insert+commit (1 row)", DatabaseBaseline.insert(jdbcTemplate, n));
        purgeMail();
    }

    /** Runs one round of {@code n} consultees, recording its stages in {@code size}, and checks that it worked. */
    void round(Figures.Size size, int n, Duration reminderAfter) throws Exception {
        round(size, "scale-" + n, n, reminderAfter);
    }

    void round(Figures.Size size, String key, int n, Duration reminderAfter) throws Exception {
        receiveIntoOneMailbox();
        Usage.resetPeaks();
        var usage = new Usage(jdbc);
        var inputs = new ScaleInputs(key, n);
        var coordinator = rest.withBasicAuth("coordinator", "coordinator");
        var definition = inputs.definition();

        // (1) Fan-out: parse, store, start the round; it starts the engagements in chunks, each mails its invitation.
        Statements.reset(jdbc);
        var cpu = usage.cpu();
        var t = System.nanoTime();
        var started = coordinator.exchange("/api/consultations?rehearsal=" + ScaleInputs.rehearsal(reminderAfter),
                HttpMethod.POST, new HttpEntity<>(definition, contentType("application/yaml")), String.class);
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);
        var invited = Series.track(n, PATIENCE, Map.of("invited", () -> delivered(INVITATION))).get("invited");
        size.stage("fan-out: start -> all invited", n, invited.secondsSince(t), cpu, usage.cpu(),
                "start + mail (serial)");
        Statements.print(jdbc, "fan-out " + n, 15);

        // (2) Reminder wave: every engagement's one reminder timer is due at the same instant.
        // Reminders already sent count too: a fan-out slower than the reminder's wait then fails just below, at once,
        // instead of waiting out the patience for timers that have fired.
        Series.track(n, PATIENCE, Map.of("timers", () -> reminderTimers(inputs.key()) + delivered(REMINDER)));
        var due = jdbc.sql("select max(duedate_) from act_ru_job where process_def_key_ = 'consultee-engagement' "
                + "and handler_type_ = 'timer-intermediate-transition'").query(java.sql.Timestamp.class).single();
        var wait = due.getTime() - System.currentTimeMillis();
        assertThat(wait).as("the reminders must fall due after the fan-out; raise "
                + "-Dconsultflow.benchmark.reminder-after (now " + reminderAfter + ")").isPositive();
        var dueDates = reminderDueDates(inputs.key());
        Thread.sleep(wait);
        Statements.reset(jdbc);
        cpu = usage.cpu();
        t = System.nanoTime();
        var reminded = Series.track(n, PATIENCE, Map.of("reminded", () -> delivered(REMINDER))).get("reminded");
        size.stage("reminder wave: due -> all sent", n, reminded.secondsSince(t), cpu, usage.cpu(),
                "mail (one connection)");
        Statements.print(jdbc, "reminder wave " + n, 15);
        lateness(size, inputs.key(), dueDates);

        // (3) Ingestion: every consultee responds through Kafka; recorded, correlated, receipted.
        Statements.reset(jdbc);
        cpu = usage.cpu();
        t = System.nanoTime();
        var expected = inputs.publishResponses(String.join(",", kafka.getBootstrapServers()));
        size.note("publish " + n + " responses (s)", round((System.nanoTime() - t) / 1e9));
        var ingested = Series.track(n, PATIENCE, Map.of(
                "recorded", () -> count("select count(*) from response where round_key = ?", inputs.key()),
                "correlated", () -> count("select count(*) from response where round_key = ? "
                        + "and correlation = 'CORRELATED'", inputs.key()),
                "receipted", () -> delivered(RECEIPT)));
        var cpuAfter = usage.cpu();
        size.stage("ingestion: publish -> all recorded", n, ingested.get("recorded").secondsSince(t), cpu, cpuAfter,
                "insert+commit (1 row)");
        var all = Math.max(ingested.get("correlated").secondsSince(t), ingested.get("receipted").secondsSince(t));
        size.stage("ingestion: -> correlated, receipted", n, all, cpu, cpuAfter, "correlation (1 thread)");
        Statements.print(jdbc, "ingestion " + n, 15);

        // (4) Close: every engagement is told and ends; the report is drafted (it does not wait for them).
        Statements.reset(jdbc);
        cpu = usage.cpu();
        t = System.nanoTime();
        var closed = coordinator.exchange("/api/consultations/" + inputs.key() + "/close", HttpMethod.POST,
                HttpEntity.EMPTY, String.class);
        assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        var afterClose = Series.track(n, PATIENCE, Map.of(
                "ended", () -> n - runningEngagements(),
                "drafted", () -> "REPORT_DRAFTED".equals(status(inputs.key())) ? n : 0));
        cpuAfter = usage.cpu();
        size.stage("close -> every engagement ended", n, afterClose.get("ended").secondsSince(t), cpu, cpuAfter,
                "correlation (1 thread)");
        size.stage("close -> report drafted", n, afterClose.get("drafted").secondsSince(t), cpu, cpuAfter, null);
        Statements.print(jdbc, "close " + n, 15);

        // (5) Memory: the peaks since this size began.
        size.note("heap peak MB (sum of pool peaks)", round(Usage.heapPeakMb()));
        size.note("process RSS peak MB (VmHWM)", round(Usage.rssPeakMb()));

        t = System.nanoTime();
        var report = report(coordinator, inputs.key());
        size.note("GET report json (s)", round((System.nanoTime() - t) / 1e9));
        var round = coordinator.getForEntity("/api/consultations/" + inputs.key(), String.class);
        assertTheRoundWorked(inputs, json.readTree(round.getBody()), json.readTree(report.getBody()), expected);
        purgeMail();
    }

    private void purgeMail() throws Exception {
        mail.purgeEmailFromAllMailboxes();
        subjects.clear();
        delivered.clear();
    }

    private void assertTheRoundWorked(ScaleInputs inputs, JsonNode round, JsonNode report,
            Map<String, Integer> expected) {
        var n = inputs.consultees();
        var emails = new java.util.ArrayList<String>();
        for (int i = 1; i <= n; i++) {
            emails.add(ScaleInputs.id(i) + "@example.org");
        }
        assertThat(recipients(mails(INVITATION))).as("every consultee invited exactly once")
                .containsExactlyInAnyOrderElementsOf(emails);
        assertThat(recipients(mails(REMINDER))).as("every consultee reminded exactly once")
                .containsExactlyInAnyOrderElementsOf(emails);
        assertThat(recipients(mails(RECEIPT))).as("every response receipted exactly once")
                .containsExactlyInAnyOrderElementsOf(emails);
        assertThat(count("select count(distinct consultee_id) from response where round_key = ? and not late",
                inputs.key())).as("every response recorded on time").isEqualTo(n);
        assertThat(runningEngagements()).as("every engagement ended").isZero();
        assertThat(runtime.createIncidentQuery().count()).as("no incidents").isZero();
        assertThat(round.path("status").asText()).isEqualTo("REPORT_DRAFTED");
        assertThat(round.path("counts").path("responded").asInt()).isEqualTo(n);
        assertThat(report.path("responseRate").path("responded").asInt()).isEqualTo(n);
        assertThat(report.path("nonRespondents")).isEmpty();
        var overall = new HashMap<String, Integer>();
        question(report, "preference").path("overall").fields()
                .forEachRemaining(e -> overall.put(e.getKey(), e.getValue().asInt()));
        assertThat(overall).as("the tallies are what was sent").isEqualTo(expected);
    }

    /** Each consultee's reminder timer due date, before the wave: what its lateness is measured from. */
    private Map<String, Long> reminderDueDates(String key) {
        var due = new HashMap<String, Long>();
        jdbc.sql("select e.business_key_, j.duedate_ from act_ru_job j join act_ru_execution e "
                + "on e.id_ = j.process_instance_id_ where j.handler_type_ = 'timer-intermediate-transition' "
                + "and e.business_key_ like ? || ':%'").param(key).query((rs, row) -> due.put(
                        rs.getString(1).substring(key.length() + 1), rs.getTimestamp(2).getTime())).list();
        return due;
    }

    /**
     * How late each reminder reached the mail server after its timer fell due (the mail log's time of sending): a
     * timer starved by others would show as a maximum far beyond the rest. Also how far apart the due dates were.
     */
    private void lateness(Figures.Size size, String key, Map<String, Long> dueDates) {
        var late = new java.util.ArrayList<Double>();
        jdbc.sql("select consultee_id, sent_at from mail_sent where round_key = ? and purpose like 'reminder-%'")
                .param(key).query((rs, row) -> late.add(
                        (rs.getTimestamp(2).getTime() - dueDates.get(rs.getString(1))) / 1000.0)).list();
        java.util.Collections.sort(late);
        var dues = dueDates.values().stream().mapToLong(Long::longValue).summaryStatistics();
        size.note("reminder due dates spread (s)", (dues.getMax() - dues.getMin()) / 1000.0);
        size.note("reminder lateness p50 / p95 / max (s)", "%.1f / %.1f / %.1f".formatted(
                late.get(late.size() / 2), late.get((int) (late.size() * 0.95) - 1), late.get(late.size() - 1)));
    }

    private long reminderTimers(String key) {
        return count("select count(*) from act_ru_job j join act_ru_execution e on e.id_ = j.process_instance_id_ "
                + "where j.handler_type_ = 'timer-intermediate-transition' and e.business_key_ like ? || ':%'", key);
    }

    private long count(String sql, String key) {
        return jdbc.sql(sql).param(key).query(Long.class).single();
    }

    private String status(String key) {
        return jdbc.sql("select status from round where round_key = ?").param(key).query(String.class).single();
    }

    private long runningEngagements() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("consultee-engagement").count();
    }

    /**
     * Sampled several times a second while tens of thousands of mails pile up: each subject is parsed once, so the
     * benchmark's own counting stays out of the CPU it charges to the application.
     */
    /**
     * Mails the SMTP server has taken whose subject holds {@code subjectPart}, counted as the server hands each to its
     * mailbox. Reading every mailbox instead ({@link GreenMail#getReceivedMessages()}) several times a second was, with
     * 10,000 mailboxes, a tenth of the CPU the round had to share with the benchmark.
     */
    private long delivered(String subjectPart) {
        receiveIntoOneMailbox();
        var count = delivered.get(subjectPart);
        return count == null ? 0 : count.get();
    }

    /**
     * Has the in-process SMTP server deliver every mail into one mailbox, counting them by subject. GreenMail keeps a
     * mailbox per recipient and finds it by walking a list of all of them, so with 10,000 recipients storing a mail
     * took longer than ConsultFlow took to send it: a third of the machine's CPU went to the test's own mail server,
     * which a real relay does not cost the application. One mailbox serves the plain mail loop and the round alike,
     * so the comparison stays fair; every check reads each mail's own recipient header.
     */
    private void receiveIntoOneMailbox() {
        synchronized (delivered) {
            if (counting) {
                return;
            }
            var users = mail.getUserManager();
            var all = Optional.ofNullable(users.getUserByEmail(MAILBOX)).orElseGet(() -> {
                try {
                    return users.createUser(MAILBOX, MAILBOX, "benchmark");
                } catch (UserException e) {
                    throw new IllegalStateException(e);
                }
            });
            users.setMessageDeliveryHandler((message, address) -> {
                var subject = message.getMessage().getSubject();
                for (var part : List.of(INVITATION, REMINDER, RECEIPT)) {
                    if (subject != null && subject.contains(part)) {
                        delivered.computeIfAbsent(part, p -> new AtomicLong()).incrementAndGet();
                    }
                }
                return all;
            });
            counting = true;
        }
    }

    private List<MimeMessage> mails(String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subjects.computeIfAbsent(m, ScaleRun::subject).contains(subjectPart)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).map(address -> address.replaceAll(".*<(.*)>", "$1")).toList();
    }

    private static org.springframework.http.ResponseEntity<String> report(TestRestTemplate coordinator, String key) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.APPLICATION_JSON));
        var response = coordinator.exchange("/api/consultations/" + key + "/report", HttpMethod.GET,
                new HttpEntity<>(headers), String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response;
    }

    private static JsonNode question(JsonNode report, String id) {
        for (var question : report.path("questions")) {
            if (question.path("id").asText().equals(id)) {
                return question;
            }
        }
        throw new AssertionError("no question " + id);
    }

    private static HttpHeaders contentType(String type) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(type));
        return headers;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
