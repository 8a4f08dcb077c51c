package org.consultflow.report.draft;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;
import static org.consultflow.report.draft.RoundFixture.DEFINITION;
import static org.consultflow.report.draft.RoundFixture.DRAFTED;
import static org.consultflow.report.draft.RoundFixture.OPENED;
import static org.consultflow.report.draft.RoundFixture.SUBMISSIONS;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.consultflow.report.draft.Report.Answer;
import org.consultflow.report.draft.Report.GroupRate;
import org.consultflow.report.draft.Report.LateResponse;
import org.consultflow.report.draft.Report.NonRespondent;
import org.consultflow.report.draft.Report.QuestionSummary;
import org.consultflow.report.draft.Report.RecordSummary;
import org.junit.jupiter.api.Test;

class ReportDrafterTest {

    private final Report report = RoundFixture.draft();

    @Test
    void talliesEveryOptionOverallAndPerGroupCountingOther() {
        QuestionSummary model = question("model");

        assertThat(model.overall()).containsExactly(entry("A", 1), entry("B", 1), entry("C", 0), entry("other", 1));
        assertThat(model.byGroup()).containsOnlyKeys("districts", "partners");
        assertThat(model.byGroup().get("districts"))
                .containsExactly(entry("A", 0), entry("B", 1), entry("C", 0), entry("other", 1));
        assertThat(model.byGroup().get("partners"))
                .containsExactly(entry("A", 1), entry("B", 0), entry("C", 0), entry("other", 0));
        assertThat(model.other()).containsExactly(new Answer("charnwood", "Charnwood Borough Council", "districts",
                "A hybrid | of B and C"));
        assertThat(model.answered()).isEqualTo(3);
        assertThat(model.answers()).isNull();
    }

    @Test
    void countsTheLatestOnTimeVersionOfAnAmendedResponse() {
        assertThat(question("model").byGroup().get("districts")).containsEntry("A", 0).containsEntry("B", 1);
        assertThat(question("role").answers()).extracting(Answer::consulteeId, Answer::text).containsExactly(
                tuple("lottery", "Funding <script>alert('x')</script> advice"),
                tuple("blaby", "Considered view"),
                tuple("charnwood", "Vital | trusted partners"));
    }

    @Test
    void annexesLateVersionsWithoutCountingThem() {
        assertThat(question("model").overall()).containsEntry("C", 0);
        assertThat(report.late()).extracting(LateResponse::id, LateResponse::version)
                .containsExactly(tuple("arts", 1),
                        tuple("blaby", 3));
        LateResponse arts = report.late().get(0);
        assertThat(arts.organisation()).isEqualTo("Arts Council East Midlands");
        assertThat(arts.group()).isEqualTo("partners");
        assertThat(arts.answers()).containsExactly(
                entry("role", "Sorry we are late"), entry("model", Map.of("other", "Regional hub")));
    }

    @Test
    void listsNonRespondentsRequiredFirstWithTheirChaseCountingOnlyLateOnesAsSilent() {
        assertThat(report.nonRespondents()).containsExactly(
                new NonRespondent("melton", "Melton Borough Council", "districts", true, RoundFixture.CHASED,
                        "Will write by letter"),
                new NonRespondent("arts", "Arts Council East Midlands", "partners", false, null, null));
    }

    @Test
    void recordsChannelsOfCountedResponsesRemindersAndWhoMovedTheDeadline() {
        RecordSummary record = report.record();

        assertThat(record.channels()).containsExactly(entry("WEB", 2), entry("LETTER", 1));
        assertThat(record.consulteesReminded()).isEqualTo(2);
        assertThat(record.lastReminderAt()).isEqualTo(RoundFixture.DEADLINE.minus(Duration.ofDays(2)));
        assertThat(record.changes()).extracting(Report.Change::actor, Report.Change::action)
                .containsExactly(tuple("pat", "deadline.moved"));
        assertThat(record.shortPeriodReason()).isNull();
    }

    @Test
    void carriesTheCoordinatorsCommentaryIntoEveryDraft() {
        var commentary = List.of(new Report.Commentary("Officers' view", "Model B has the widest support."));

        Report drafted = new ReportDrafter().draft(DEFINITION, SUBMISSIONS, RoundFixture.record(OPENED, null),
                DRAFTED, commentary);

        assertThat(drafted.commentary()).isEqualTo(commentary);
        assertThat(report.commentary()).isEmpty();
    }

    @Test
    void givesResponseRatesOverallAndPerGroup() {
        assertThat(report.responseRate().invited()).isEqualTo(5);
        assertThat(report.responseRate().responded()).isEqualTo(3);
        assertThat(report.responseRate().rate()).isEqualTo(0.6);
        assertThat(report.responseRate().percentage()).isEqualTo("60%");
        assertThat(report.responseRate().byGroup()).containsExactly(
                new GroupRate("districts", "District councils", true, 3, 2, 0.6667, "67%"),
                new GroupRate("partners", "Key partners", false, 2, 1, 0.5, "50%"));
    }

    @Test
    void neverRoundsAPartialResponseUpToEveryone() {
        assertThat(Percent.words(199, 200)).isEqualTo("over 99%");
        assertThat(Percent.words(1, 1000)).isEqualTo("under 1%");
        assertThat(Percent.words(0, 0)).isEqualTo("0%");
    }

    @Test
    void flagsAPeriodShorterThanTheUsualTwelveWeeks() {
        RecordSummary eleven = recordOfDays(83);
        RecordSummary twelve = recordOfDays(84);

        assertThat(eleven.periodDays()).isEqualTo(83);
        assertThat(eleven.periodWeeks()).isEqualTo(11.9);
        assertThat(eleven.shorterThanUsual()).isTrue();
        assertThat(twelve.periodWeeks()).isEqualTo(12.0);
        assertThat(twelve.shorterThanUsual()).isFalse();
        assertThat(twelve.usualWeeks()).isEqualTo(12);
    }

    @Test
    void recordsTheConsultationAsItRan() {
        RecordSummary record = report.record();

        assertThat(record.opened()).isEqualTo(OPENED);
        assertThat(record.closed()).isEqualTo(RoundFixture.DEADLINE);
        assertThat(record.periodDays()).isEqualTo(75);
        assertThat(record.shorterThanUsual()).isTrue();
        assertThat(record.remindersSent()).isEqualTo(3);
        assertThat(record.timezone()).isEqualTo("Europe/London");
        assertThat(report.draftedAt()).isEqualTo(DRAFTED);
        assertThat(report.key()).isEqualTo("ssog-vcs-2007");
    }

    @Test
    void ignoresAnswersToUnknownQuestionsAndOptions() {
        List<Submission> odd = List.of(new Submission("melton", 1,
                Map.of("model", "Z", "nope", "B", "role", Map.of("other", "not a choice")), OPENED, OPENED, false));

        Report drafted = new ReportDrafter().draft(DEFINITION, odd, RoundFixture.record(OPENED, null), DRAFTED);

        QuestionSummary model = drafted.questions().get(1);
        assertThat(model.overall().values()).containsOnly(0);
        assertThat(model.answered()).isZero();
        assertThat(drafted.questions().get(0).answers()).isEmpty();
        assertThat(drafted.responseRate().responded()).isEqualTo(1);
    }

    private RecordSummary recordOfDays(int days) {
        Instant closed = OPENED.plus(Duration.ofDays(days));
        return new ReportDrafter().draft(DEFINITION, SUBMISSIONS, RoundFixture.record(OPENED, closed), DRAFTED)
                .record();
    }

    private QuestionSummary question(String id) {
        return report.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }
}
