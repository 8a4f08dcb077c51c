package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.icegreen.greenmail.util.GreenMail;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Runs one round of many consultees (10,000 unless {@code -Dconsultflow.benchmark.consultees} says otherwise) through
 * the real in-process broker, SMTP server, engine and PostgreSQL, and prints where the time went. Its name keeps it
 * out of {@code ./mvnw verify}; run it with
 * {@code ./mvnw -o verify -Dit.test=ScaleBenchmark -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dexec.skip=true} (add {@code -Dconsultflow.benchmark.consultees=500} for a quick run).
 * It asserts that the round works at that size (everyone invited once, every response recorded, correlated and
 * acknowledged, every engagement ended, the tallies add up), never how fast: timings are for people to read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S",
        // Raised for scale: eight job threads, the Kafka listener, the scheduled correlator and web requests share it.
        "spring.datasource.hikari.maximum-pool-size=20",
        // Ten thousand invitation jobs become due at once; fetch and queue them a few more at a time.
        "camunda.bpm.job-execution.queue-capacity=16",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=8",
        // One line per recorded response would bury the table.
        "logging.level.org.consultflow.response.ResponseListener=WARN"})
@DirtiesContext
class ScaleBenchmark {

    static final int CONSULTEES = Integer.getInteger("consultflow.benchmark.consultees", 10_000);
    /** Long enough that no reminder falls due before the round is closed by hand. */
    static final Duration REHEARSAL = Duration.parse(System.getProperty("consultflow.benchmark.rehearsal", "PT3H"));
    static final Duration PATIENCE = Duration.ofMinutes(90);
    static final Duration WINDOW = Duration.ofSeconds(10);
    static final String KEY = "scale-" + CONSULTEES;
    static final String[] PREFERENCES = {"a", "b", "c", "other"};

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry);
    }

    @Autowired TestRestTemplate rest;
    @Autowired GreenMail mail;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired RuntimeService runtime;
    @Autowired HistoryService history;
    @Autowired JdbcClient jdbc;

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    Table table;

    @Test
    void runsARoundOfTenThousandConsulteesToItsDraftReport() throws Exception {
        table = new Table();
        table.note("consultees", String.valueOf(CONSULTEES));
        table.note("cores / load at start", Runtime.getRuntime().availableProcessors() + " / " + load());
        table.note("max heap", mb(Runtime.getRuntime().maxMemory()));
        try {
            run(rest.withBasicAuth("coordinator", "coordinator"));
        } finally {
            table.note("load at end", load());
            table.print();
        }
    }

    private void run(TestRestTemplate coordinator) throws Exception {
        var definition = definition();
        table.note("definition (YAML) size", mb(definition.length()));

        // (1) Start: parse, validate and store the definition, start the round process.
        var phase = table.phase("POST start");
        var started = coordinator.exchange("/api/consultations?rehearsal=" + REHEARSAL, HttpMethod.POST,
                new HttpEntity<>(definition, contentType("application/yaml")), String.class);
        phase.end();
        assertThat(started.getStatusCode()).as(started.getBody()).isEqualTo(HttpStatus.CREATED);

        // (2) One job creates every engagement row and process; they appear together when it commits.
        phase = table.phase("all engagements exist");
        var engagements = Series.track(PATIENCE, Map.of("engagements", this::engagements)).get("engagements");
        phase.end();

        // (3) Each engagement sends its invitation from its own job.
        phase = table.phase("all invited");
        var invited = Series.track(PATIENCE, Map.of("invitations", () -> mails("Invitation to respond").size()))
                .get("invitations");
        phase.end();
        table.rate("invitations (mails)", invited);

        // (4) Every consultee responds once; the inbox records, the correlator hands over, an acknowledgement goes out.
        phase = table.phase("publish " + CONSULTEES + " responses");
        var expected = publishResponses();
        phase.end();
        phase = table.phase("all recorded, correlated, acknowledged");
        var collected = Series.track(PATIENCE, Map.of(
                "recorded", () -> count("select count(*) from response where round_key = ?"),
                "correlated", () -> count(
                        "select count(*) from response where round_key = ? and correlation = 'CORRELATED'"),
                "acknowledged", () -> mails("received your").size()));
        phase.end();
        table.rate("responses recorded (rows)", collected.get("recorded"));
        table.rate("responses correlated (rows)", collected.get("correlated"));
        table.rate("acknowledgements (mails)", collected.get("acknowledged"));

        // (5) Closing early: every engagement is told, then the report is drafted.
        phase = table.phase("POST close");
        var closed = coordinator.exchange("/api/consultations/" + KEY + "/close", HttpMethod.POST,
                HttpEntity.EMPTY, String.class);
        phase.end();
        assertThat(closed.getStatusCode()).as(closed.getBody()).isEqualTo(HttpStatus.ACCEPTED);
        // Drafting does not wait for the engagements to end, so both are watched from the moment of closing.
        phase = table.phase("all engagements ended, report drafted");
        var afterClose = Series.track(PATIENCE, Map.of(
                "ended", () -> CONSULTEES - runningEngagements(),
                // The database, not GET /api/consultations/{key}: polling a view of every consultee would load what
                // it measures.
                "drafted", () -> "REPORT_DRAFTED".equals(status()) ? CONSULTEES : 0));
        phase.end();
        table.rate("engagements ended", afterClose.get("ended"));
        table.note("report drafted after close", "%.1f s".formatted(afterClose.get("drafted").seconds()));

        // (6) What the coordinator does next, each request timed a few times.
        var round = table.latency("GET round",
                () -> coordinator.getForEntity("/api/consultations/" + KEY, String.class));
        var report = table.latency("GET report json", () -> report(coordinator, MediaType.APPLICATION_JSON_VALUE));
        table.latency("GET report markdown", () -> report(coordinator, "text/markdown"));
        table.latency("GET report html", () -> report(coordinator, MediaType.TEXT_HTML_VALUE));

        // (7) What stays on the heap once the round is done.
        var memory = ManagementFactory.getMemoryMXBean();
        memory.gc();
        table.note("heap used after GC", mb(memory.getHeapMemoryUsage().getUsed()));
        table.note("heap peak (sum of pool peaks)", mb(ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum()));
        // The embedded SMTP server starts a thread per connection, and the application opens one per mail.
        table.note("threads started", String.valueOf(ManagementFactory.getThreadMXBean().getTotalStartedThreadCount()));

        assertTheRoundWorked(json.readTree(round.getBody()), json.readTree(report.getBody()), expected);
    }

    private void assertTheRoundWorked(JsonNode round, JsonNode report, Map<String, Integer> expected) {
        var emails = new ArrayList<String>();
        for (int i = 1; i <= CONSULTEES; i++) {
            emails.add(id(i) + "@example.org");
        }
        assertThat(recipients(mails("Invitation to respond"))).as("every consultee invited exactly once")
                .containsExactlyInAnyOrderElementsOf(emails);
        assertThat(recipients(mails("received your"))).as("every response acknowledged exactly once")
                .containsExactlyInAnyOrderElementsOf(emails);
        assertThat(count("select count(distinct consultee_id) from response where round_key = ? and not late"))
                .as("every response recorded on time").isEqualTo(CONSULTEES);
        assertThat(count("select count(*) from response where round_key = ? and correlation = 'CORRELATED'"))
                .as("every response correlated").isEqualTo(CONSULTEES);
        assertThat(runningEngagements()).as("every engagement ended").isZero();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey("consultee-engagement")
                .finished().count()).as("every engagement finished").isEqualTo(CONSULTEES);
        assertThat(runtime.createIncidentQuery().count()).as("no incidents").isZero();

        assertThat(round.path("status").asText()).isEqualTo("REPORT_DRAFTED");
        assertThat(round.path("counts").path("responded").asInt()).isEqualTo(CONSULTEES);
        assertThat(report.path("responseRate").path("responded").asInt()).isEqualTo(CONSULTEES);
        assertThat(report.path("nonRespondents")).isEmpty();
        var preference = question(report, "preference");
        var overall = new HashMap<String, Integer>();
        preference.path("overall").fields().forEachRemaining(e -> overall.put(e.getKey(), e.getValue().asInt()));
        assertThat(overall).as("the tallies are what was sent").isEqualTo(expected);
        var byGroup = new int[1];
        preference.path("byGroup").forEach(group -> group.forEach(n -> byGroup[0] += n.asInt()));
        assertThat(byGroup[0]).as("the per-group tallies add up to everyone").isEqualTo(CONSULTEES);
        assertThat(question(report, "role").path("answered").asInt()).isEqualTo(CONSULTEES);
    }

    // --- the round ---

    /** The seed round's shape (three groups, one required; its three questions) with generated consultees. */
    private static String definition() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        var seed = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        var definition = (ObjectNode) yaml.readTree(seed);
        definition.put("key", KEY);
        var consultees = definition.putArray("consultees");
        for (int i = 1; i <= CONSULTEES; i++) {
            var consultee = consultees.addObject();
            consultee.put("id", id(i));
            consultee.put("organisation", "Organisation " + id(i));
            consultee.put("group", group(i));
            consultee.putObject("contact").put("name", "Contact " + id(i)).put("email", id(i) + "@example.org");
        }
        return yaml.writeValueAsString(definition);
    }

    private static String id(int i) {
        return "c%05d".formatted(i);
    }

    /** One in ten is a district council, the required group; the rest split between the other two. */
    private static String group(int i) {
        return i % 10 == 0 ? "district-council" : i % 2 == 0 ? "key-partner" : "ssog-member";
    }

    /** Publishes one response per consultee and returns the preference tallies they add up to. */
    private Map<String, Integer> publishResponses() throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        var expected = new HashMap<String, Integer>();
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            var sent = new ArrayList<Future<RecordMetadata>>();
            for (int i = 1; i <= CONSULTEES; i++) {
                var choice = PREFERENCES[i % PREFERENCES.length];
                expected.merge(choice, 1, Integer::sum);
                var data = new LinkedHashMap<String, Object>();
                data.put("roundKey", KEY);
                data.put("consulteeId", id(i));
                data.put("answers", Map.of("role", "Advice and training for groups in our area",
                        "preference", choice.equals("other") ? Map.of("other", "A mix of B and C") : choice,
                        "funding", "Part-fund a hub for three years"));
                data.put("respondent", Map.of("name", "Respondent " + id(i), "email", id(i) + "@example.org"));
                data.put("submittedAt", OffsetDateTime.now().toString());
                var event = CloudEventBuilder.v1().withId("scale-" + id(i)).withSource(URI.create("/benchmark"))
                        .withType("consultation.response.submitted").withDataContentType("application/json")
                        .withData(json.writeValueAsBytes(data)).build();
                // Keyed by consultee so the three partitions share the load, as many partner systems would.
                sent.add(producer.send(new ProducerRecord<>("consultation.responses", id(i), format.serialize(event))));
            }
            producer.flush();
            for (var future : sent) {
                future.get();
            }
        }
        return expected;
    }

    // --- what is measured ---

    private long engagements() {
        return count("select count(*) from engagement where round_key = ?");
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(KEY).query(Long.class).single();
    }

    private String status() {
        return jdbc.sql("select status from round where round_key = ?").param(KEY).query(String.class).single();
    }

    private long runningEngagements() {
        return runtime.createProcessInstanceQuery().processDefinitionKey("consultee-engagement").count();
    }

    private List<MimeMessage> mails(String subjectPart) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> subject(m).contains(subjectPart)).toList();
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

    private static ResponseEntity<String> report(TestRestTemplate coordinator, String type) {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType(type)));
        return coordinator.exchange("/api/consultations/" + KEY + "/report", HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
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

    private static String load() {
        return "%.2f".formatted(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static String mb(long bytes) {
        return "%.1f MB".formatted(bytes / 1024.0 / 1024.0);
    }

    /** Counters sampled once a second until each reaches {@link #CONSULTEES}. */
    static final class Series {

        final String name;
        final long start = System.nanoTime();
        final List<long[]> points = new ArrayList<>();

        Series(String name) {
            this.name = name;
        }

        static Map<String, Series> track(Duration atMost, Map<String, LongSupplier> counters)
                throws InterruptedException {
            var series = new LinkedHashMap<String, Series>();
            counters.keySet().forEach(name -> series.put(name, new Series(name)));
            var deadline = System.nanoTime() + atMost.toNanos();
            while (true) {
                var done = true;
                for (var counter : counters.entrySet()) {
                    var s = series.get(counter.getKey());
                    if (s.done() < 0) {
                        s.points.add(new long[] {System.nanoTime(), counter.getValue().getAsLong()});
                        done &= s.done() >= 0;
                    }
                }
                if (done) {
                    return series;
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Gave up after " + atMost + ": " + series.values().stream()
                            .map(s -> s.name + "=" + s.last()).toList() + " of " + CONSULTEES);
                }
                Thread.sleep(1000);
            }
        }

        long last() {
            return points.isEmpty() ? 0 : points.get(points.size() - 1)[1];
        }

        /** When the counter first reached its target, in nanos; -1 if not yet. */
        long done() {
            return points.stream().filter(p -> p[1] >= CONSULTEES).mapToLong(p -> p[0]).findFirst().orElse(-1);
        }

        double seconds() {
            return (done() - start) / 1e9;
        }

        /** From the last sample before anything happened: the wait before the first item is not throughput. */
        int firstActive() {
            for (int i = 0; i < points.size(); i++) {
                if (points.get(i)[1] > 0) {
                    return Math.max(0, i - 1);
                }
            }
            return 0;
        }

        double firstSeconds() {
            var first = points.stream().filter(p -> p[1] > 0).findFirst().orElse(points.get(0));
            return (first[0] - start) / 1e9;
        }

        /** Items per second over each whole window from the first item to the last; empty if the work was shorter. */
        List<Double> windowRates(Duration window) {
            var rates = new ArrayList<Double>();
            var from = points.get(firstActive());
            for (var point : points.subList(firstActive(), points.size())) {
                if (point[0] - from[0] >= window.toNanos()) {
                    rates.add((point[1] - from[1]) / ((point[0] - from[0]) / 1e9));
                    from = point;
                }
            }
            return rates;
        }

        double activeRate() {
            var from = points.get(firstActive());
            var to = points.get(points.size() - 1);
            return to[0] == from[0] ? Double.NaN : (to[1] - from[1]) / ((to[0] - from[0]) / 1e9);
        }
    }

    /** Collects the figures and prints them as plain-text tables. */
    final class Table {

        private final List<String> notes = new ArrayList<>();
        private final List<String> phases = new ArrayList<>();
        private final List<String> rates = new ArrayList<>();
        private final List<String> latencies = new ArrayList<>();
        private final long start = System.nanoTime();

        void note(String what, String value) {
            notes.add("%-34s %s".formatted(what, value));
        }

        Phase phase(String name) {
            return new Phase(name);
        }

        void rate(String what, Series series) {
            var windows = series.windowRates(WINDOW);
            var median = windows.isEmpty() ? series.activeRate() : median(windows);
            rates.add("%-30s %9.1f %9.1f %9.1f %11s %7d".formatted(what, series.firstSeconds(), series.seconds(),
                    median, windows.isEmpty() ? "-" : "%.1f-%.1f".formatted(
                            windows.stream().mapToDouble(d -> d).min().orElse(0),
                            windows.stream().mapToDouble(d -> d).max().orElse(0)), windows.size()));
        }

        ResponseEntity<String> latency(String what, ThrowingSupplier<ResponseEntity<String>> request)
                throws Exception {
            var millis = new ArrayList<Double>();
            ResponseEntity<String> response = null;
            for (int i = 0; i < 5; i++) {
                var t = System.nanoTime();
                response = request.get();
                millis.add((System.nanoTime() - t) / 1e6);
                assertThat(response.getStatusCode()).as(what).isEqualTo(HttpStatus.OK);
            }
            latencies.add("%-30s %9.0f %9.0f %9.0f %10s".formatted(what, median(millis), millis.get(0),
                    millis.stream().mapToDouble(d -> d).max().orElse(0), mb(response.getBody().length())));
            return response;
        }

        void print() {
            var out = new StringBuilder("\n==== ConsultFlow scale benchmark ====\n");
            notes.forEach(line -> out.append(line).append('\n'));
            out.append("\n%-40s %9s %9s %9s %9s %9s%n".formatted("phase", "start s", "wall s", "app cpu s",
                    "app cores", "db cpu s"));
            phases.forEach(line -> out.append(line).append('\n'));
            out.append("\n%-30s %9s %9s %9s %11s %7s%n".formatted("throughput (per s)", "first s", "all s",
                    "median/s", "10s range", "windows"));
            rates.forEach(line -> out.append(line).append('\n'));
            out.append("\n%-30s %9s %9s %9s %10s%n".formatted("request (ms, 5 runs)", "median", "first", "max",
                    "body"));
            latencies.forEach(line -> out.append(line).append('\n'));
            out.append("total wall: %.1f s%n".formatted((System.nanoTime() - start) / 1e9));
            System.out.println(out);
        }

        private static double median(List<Double> values) {
            var sorted = values.stream().sorted().toList();
            var n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        /** A stretch of the run: wall time since {@link Table}'s start and CPU spent by this JVM and by PostgreSQL. */
        final class Phase {

            private final String name;
            private final long started = System.nanoTime();
            private final long cpu = appCpu();
            private final long db = Postgres.cpuTicks(jdbc);

            Phase(String name) {
                this.name = name;
            }

            void end() {
                var wall = (System.nanoTime() - started) / 1e9;
                var cpuSeconds = (appCpu() - cpu) / 1e9;
                var dbNow = Postgres.cpuTicks(jdbc);
                phases.add("%-40s %9.1f %9.2f %9.1f %9.2f %9s".formatted(name, (started - start) / 1e9, wall,
                        cpuSeconds, cpuSeconds / wall,
                        db < 0 || dbNow < 0 ? "n/a" : "%.1f".formatted((dbNow - db) / Postgres.TICKS)));
            }
        }
    }

    private static long appCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /**
     * CPU used by the PostgreSQL server processes, read from /proc: only where the database runs on this machine
     * (the embedded binaries); -1 elsewhere. Counts the processes alive at each reading, which for a pooled
     * application are nearly all of them.
     */
    static final class Postgres {

        static final double TICKS = 100.0;

        static long cpuTicks(JdbcClient jdbc) {
            try {
                var pids = jdbc.sql("select pid from pg_stat_activity").query(Integer.class).list();
                var total = 0L;
                for (var pid : pids) {
                    var stat = Path.of("/proc/" + pid + "/stat");
                    if (!Files.exists(stat)) {
                        return -1;
                    }
                    var fields = Files.readString(stat);
                    var rest = fields.substring(fields.lastIndexOf(')') + 2).split(" ");
                    // utime and stime are fields 14 and 15; the split starts at field 3.
                    total += Long.parseLong(rest[11]) + Long.parseLong(rest[12]);
                }
                return total;
            } catch (Exception e) {
                return -1;
            }
        }
    }

    @FunctionalInterface
    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}
