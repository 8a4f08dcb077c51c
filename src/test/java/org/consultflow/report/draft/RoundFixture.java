package org.consultflow.report.draft;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Contact;
import org.consultflow.consultation.Definition.Coordinator;
import org.consultflow.consultation.Definition.Group;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;

/**
 * A small closed round: district councils (required) and key partners; one choice question allowing "other" and one
 * free-text question. Blaby amended on time and again late; Arts Council only answered late; Melton never answered
 * though chased. Charnwood wrote a letter; the rest used the web form.
 */
public final class RoundFixture {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    public static final Instant OPENED = Instant.parse("2007-02-14T09:00:00Z");
    public static final Instant DEADLINE = Instant.parse("2007-04-30T22:59:00Z");
    public static final Instant DRAFTED = Instant.parse("2007-05-01T08:00:00Z");

    public static final Definition DEFINITION = new Definition(
            "ssog-vcs-2007",
            "VCS infrastructure review",
            "Views on three models of VCS infrastructure.",
            List.of(),
            new Coordinator("Pat Officer", "pat@example.org"),
            LONDON,
            OffsetDateTime.parse("2007-02-14T09:00:00Z"),
            OffsetDateTime.parse("2007-04-30T23:59:00+01:00"),
            List.of(Duration.ofDays(7)),
            Duration.ofDays(2),
            null,
            List.of(
                    new Question("role", "What role do VCS infrastructure organisations play?", QuestionType.TEXT,
                            List.of(), false),
                    new Question("model", "Which model do you prefer?", QuestionType.CHOICE, List.of(
                            new Option("A", "Model A"),
                            new Option("B", "Model B"),
                            new Option("C", "Model C | county-wide")), true)),
            List.of(
                    new Group("districts", "District councils", true),
                    new Group("partners", "Key partners", false)),
            // partners come first so that listing required non-respondents first is visible
            List.of(
                    consultee("lottery", "Big Lottery", "partners"),
                    consultee("arts", "Arts Council East Midlands", "partners"),
                    consultee("blaby", "Blaby District Council", "districts"),
                    consultee("charnwood", "Charnwood Borough Council", "districts"),
                    consultee("melton", "Melton Borough Council", "districts")));

    public static final List<Submission> SUBMISSIONS = List.of(
            // stored order is not version order
            onTime("blaby", 2, Map.of("model", "B", "role", "Considered view")),
            onTime("blaby", 1, Map.of("model", "A", "role", "First thoughts")),
            late("blaby", 3, Map.of("model", "C", "role", "Changed our mind")),
            onTime("charnwood", 1, Map.of("model", Map.of("other", "A hybrid | of B and C"),
                    "role", "Vital | trusted partners")),
            onTime("lottery", 1, Map.of("model", "A", "role", "Funding <script>alert('x')</script> advice")),
            late("arts", 1, Map.of("model", Map.of("other", "Regional hub"), "role", "Sorry we are late")));

    private RoundFixture() {}

    public static final Instant CHASED = DEADLINE.minus(Duration.ofDays(3));
    public static final Instant MOVED = Instant.parse("2007-04-02T10:15:00Z");

    /** Melton was phoned and said it would write; the coordinator once moved the deadline. */
    public static ConsultationRecord record(Instant opened, Instant closed) {
        return new ConsultationRecord(opened, DEADLINE, closed, LONDON, 3, false, 2,
                DEADLINE.minus(Duration.ofDays(2)),
                List.of(new Report.Change(MOVED, "pat", "deadline.moved",
                        "from 2007-04-23T22:59:00Z to 2007-04-30T22:59:00Z")),
                Map.of("melton", new ConsultationRecord.Chase(CHASED, "Will write by letter")));
    }

    /** Shared with the renderers' tests: Spring's engine without a Spring context, as the application renders. */
    public static org.thymeleaf.spring6.SpringTemplateEngine templates() {
        var resolver = new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(org.thymeleaf.templatemode.TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        var engine = new org.thymeleaf.spring6.SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    public static Report draft() {
        return new ReportDrafter().draft(DEFINITION, SUBMISSIONS, record(OPENED, DEADLINE), DRAFTED);
    }

    private static Consultee consultee(String id, String organisation, String group) {
        return new Consultee(id, organisation, group, new Contact("Contact", id + "@example.org"));
    }

    private static Submission onTime(String consultee, int version, Map<String, Object> answers) {
        Instant at = OPENED.plus(Duration.ofDays(10L * version));
        return new Submission(consultee, version, answers, at, at.plusSeconds(1), false,
                consultee.equals("charnwood") ? "LETTER" : "WEB");
    }

    private static Submission late(String consultee, int version, Map<String, Object> answers) {
        Instant at = DEADLINE.plus(Duration.ofHours(version));
        return new Submission(consultee, version, answers, at, at.plusSeconds(1), true, "EMAIL");
    }
}
