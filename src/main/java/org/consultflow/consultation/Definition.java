package org.consultflow.consultation;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * A consultation definition as the coordinator wrote it (YAML or JSON). Checked by {@link Definitions}
 * before a round is started from it.
 */
public record Definition(
        String key,
        String title,
        String summary,
        List<Document> documents,
        Coordinator coordinator,
        ZoneId timezone,
        OffsetDateTime opens,
        OffsetDateTime deadline,
        List<Duration> reminders,
        Duration chase,
        LocalDate reportDue,
        List<Question> questions,
        List<Group> groups,
        List<Consultee> consultees,
        List<Source> sources,
        String shortPeriodReason,
        List<String> distribution,
        Feedback feedback,
        List<String> coordinators) {

    /** A definition whose responses come only through ConsultFlow itself (personal links, coordinators). */
    public Definition(String key, String title, String summary, List<Document> documents, Coordinator coordinator,
            ZoneId timezone, OffsetDateTime opens, OffsetDateTime deadline, List<Duration> reminders, Duration chase,
            LocalDate reportDue, List<Question> questions, List<Group> groups, List<Consultee> consultees) {
        this(key, title, summary, documents, coordinator, timezone, opens, deadline, reminders, chase, reportDue,
                questions, groups, consultees, List.of());
    }

    /** A definition that gives no reason for a consultation period shorter than the usual twelve weeks. */
    public Definition(String key, String title, String summary, List<Document> documents, Coordinator coordinator,
            ZoneId timezone, OffsetDateTime opens, OffsetDateTime deadline, List<Duration> reminders, Duration chase,
            LocalDate reportDue, List<Question> questions, List<Group> groups, List<Consultee> consultees,
            List<Source> sources) {
        this(key, title, summary, documents, coordinator, timezone, opens, deadline, reminders, chase, reportDue,
                questions, groups, consultees, sources, null);
    }

    /** A definition whose approved report goes to the coordinator alone. */
    public Definition(String key, String title, String summary, List<Document> documents, Coordinator coordinator,
            ZoneId timezone, OffsetDateTime opens, OffsetDateTime deadline, List<Duration> reminders, Duration chase,
            LocalDate reportDue, List<Question> questions, List<Group> groups, List<Consultee> consultees,
            List<Source> sources, String shortPeriodReason) {
        this(key, title, summary, documents, coordinator, timezone, opens, deadline, reminders, chase, reportDue,
                questions, groups, consultees, sources, shortPeriodReason, List.of());
    }

    /** A definition that sends consultees no "we asked, you said" mail after approval. */
    public Definition(String key, String title, String summary, List<Document> documents, Coordinator coordinator,
            ZoneId timezone, OffsetDateTime opens, OffsetDateTime deadline, List<Duration> reminders, Duration chase,
            LocalDate reportDue, List<Question> questions, List<Group> groups, List<Consultee> consultees,
            List<Source> sources, String shortPeriodReason, List<String> distribution) {
        this(key, title, summary, documents, coordinator, timezone, opens, deadline, reminders, chase, reportDue,
                questions, groups, consultees, sources, shortPeriodReason, distribution, null);
    }

    /** A definition that any coordinator may change. */
    public Definition(String key, String title, String summary, List<Document> documents, Coordinator coordinator,
            ZoneId timezone, OffsetDateTime opens, OffsetDateTime deadline, List<Duration> reminders, Duration chase,
            LocalDate reportDue, List<Question> questions, List<Group> groups, List<Consultee> consultees,
            List<Source> sources, String shortPeriodReason, List<String> distribution, Feedback feedback) {
        this(key, title, summary, documents, coordinator, timezone, opens, deadline, reminders, chase, reportDue,
                questions, groups, consultees, sources, shortPeriodReason, distribution, feedback, List.of());
    }

    public Definition {
        coordinators = coordinators == null ? List.of() : List.copyOf(coordinators);
        feedback = feedback == null ? Feedback.NONE : feedback;
        distribution = distribution == null ? List.of() : List.copyOf(distribution);
        sources = sources == null ? List.of() : List.copyOf(sources);
        documents = documents == null ? List.of() : List.copyOf(documents);
        reminders = reminders == null ? List.of() : List.copyOf(reminders);
        questions = questions == null ? List.of() : List.copyOf(questions);
        groups = groups == null ? List.of() : List.copyOf(groups);
        consultees = ConsulteeList.of(consultees == null ? List.of() : consultees);
    }

    public record Document(String title, String url) {}

    /**
     * After approval, optionally a "we asked, you said" mail to every consultee: what was asked, what the counted
     * responses came to, and {@code link}, where the council publishes the report (ConsultFlow's own copy needs a
     * coordinator's login, and it names every respondent).
     */
    public record Feedback(boolean mail, String link) {
        public static final Feedback NONE = new Feedback(false, null);
    }

    public record Coordinator(String name, String email) {}

    public record Contact(String name, String email) {}

    public enum QuestionType { TEXT, CHOICE }

    public record Option(String id, String label) {}

    /** For CHOICE questions the answer is an option id, or {@code {"other": "text"}} where {@code other} is allowed. */
    public record Question(String id, String text, QuestionType type, List<Option> options, boolean other) {
        public Question {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Optional<Option> option(String optionId) {
            return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
        }
    }

    public record Group(String id, String label, boolean required) {}

    public record Consultee(String id, String organisation, String group, Contact contact) {}

    /**
     * A partner system allowed to publish responses (CloudEvents {@code source}) for the consultees listed, and for
     * every consultee of the groups listed.
     */
    public record Source(String source, String name, List<String> groups, List<String> consultees) {
        public Source {
            groups = groups == null ? List.of() : List.copyOf(groups);
            consultees = consultees == null ? List.of() : List.copyOf(consultees);
        }
    }

    /** Whether events from this CloudEvents source may answer for the consultee. */
    public boolean mayAnswer(String source, Consultee consultee) {
        return sources.stream().anyMatch(s -> s.source().equals(source)
                && (s.consultees().contains(consultee.id()) || s.groups().contains(consultee.group())));
    }

    /** The same definition with another list of consultees: the round's, once consultees were added to it. */
    public Definition withConsultees(List<Consultee> consultees) {
        return new Definition(key, title, summary, documents, coordinator, timezone, opens, deadline, reminders, chase,
                reportDue, questions, groups, consultees, sources, shortPeriodReason, distribution, feedback,
                coordinators);
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    public Optional<Consultee> consultee(String id) {
        return ((ConsulteeList) consultees).byId(id);
    }

    public boolean isRequired(Consultee consultee) {
        return group(consultee.group()).map(Group::required).orElse(false);
    }
}
