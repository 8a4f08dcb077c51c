package org.consultflow.report.render;

import org.consultflow.report.draft.Report;
import org.consultflow.report.draft.ReportDrafter;
import org.consultflow.report.draft.ConsultationRecord;
import org.consultflow.report.draft.Submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definitions;
import org.consultflow.report.draft.Report.GroupRate;
import org.consultflow.report.draft.Report.LateResponse;
import org.consultflow.report.draft.Report.NonRespondent;
import org.consultflow.report.draft.Report.QuestionSummary;
import org.junit.jupiter.api.Test;

/**
 * The shipped 2007 round with known answers: 13 of 20 on time, Arts Council late, Melton (a required district
 * council) never answered though phoned, Oadby and Wigston phoned and declined. Every figure below was worked out by
 * hand from this list.
 */
class SeedRoundReportTest {

    static final Instant OPENED = Instant.parse("2007-02-14T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2007-04-30T22:59:59Z");
    static final Instant DRAFTED = Instant.parse("2007-05-01T08:00:00Z");

    private final Definition seed = seed();
    private final List<Submission> submissions = new ArrayList<>(List.of(
            onTime("leicestershire-county-council", "a", "WEB"),
            onTime("leicester-city-council", "c", "EMAIL"),
            onTime("leicestershire-police", "b", "PARTNER"),
            onTime("leicestershire-fire-rescue", "b", "WEB"),
            onTime("learning-skills-council", Map.of("other", "=Whatever funders agree"), "LETTER"),
            onTime("probation", "b", "WEB"),
            onTime("big-lottery-fund", "c", "WEB"),
            onTime("community-foundation", "b", "WEB"),
            new Submission("blaby", 1, Map.of("preference", "a"), OPENED.plusSeconds(60), OPENED.plusSeconds(61),
                    false, "WEB"),
            onTime("blaby", 2, "b", "WEB"),
            onTime("charnwood", "b", "LETTER"),
            onTime("harborough", "b", "WEB"),
            onTime("hinckley-bosworth", "c", "PHONE"),
            onTime("north-west-leicestershire", "a", "WEB"),
            new Submission("arts-council-east-midlands", 1, Map.of("preference", "b"), DEADLINE.plusSeconds(3600),
                    DEADLINE.plusSeconds(3601), true, "EMAIL")));
    private final ConsultationRecord record = new ConsultationRecord(OPENED, DEADLINE, DEADLINE,
            ZoneId.of("Europe/London"), 31, false, 12, DEADLINE.minus(Duration.ofDays(2)), List.of(), Map.of(
                    "melton", new ConsultationRecord.Chase(DEADLINE.minus(Duration.ofDays(3)),
                            "Officer on leave; no reply promised"),
                    "oadby-wigston", new ConsultationRecord.Chase(DEADLINE.minus(Duration.ofDays(3)),
                            "No view to give")));

    @Test
    void talliesThePreferenceExactlyOverallAndPerGroup() {
        QuestionSummary preference = draft().questions().get(1);

        assertThat(preference.answered()).isEqualTo(13);
        assertThat(preference.overall()).containsExactly(entry("a", 2), entry("b", 7), entry("c", 3),
                entry("other", 1));
        assertThat(preference.byGroup().get("ssog-member")).containsExactly(entry("a", 1), entry("b", 3),
                entry("c", 1), entry("other", 1));
        assertThat(preference.byGroup().get("key-partner")).containsExactly(entry("a", 0), entry("b", 1),
                entry("c", 1), entry("other", 0));
        assertThat(preference.byGroup().get("district-council")).containsExactly(entry("a", 1), entry("b", 3),
                entry("c", 1), entry("other", 0));
    }

    @Test
    void givesPercentagesOfThoseWhoAnsweredAndTheHeadline() {
        var question = ReportView.of(draft(), seed).questions().get(1);

        assertThat(question.rows()).extracting(ReportView.TallyRow::overallPercent, ReportView.TallyRow::byGroupPercent)
                .containsExactly(
                        tuple("15%", List.of("17%", "0%", "20%")),
                        tuple("54%", List.of("50%", "50%", "60%")),
                        tuple("23%", List.of("17%", "50%", "20%")),
                        tuple("8%", List.of("17%", "0%", "0%")));
        assertThat(question.headline()).isEqualTo("Model B - Seven district-wide VCS infrastructure organisations"
                + " supported by central hub functions: 7 of 13 answers (54%)");
    }

    @Test
    void givesResponseRatesOverallAndPerGroup() {
        var rate = draft().responseRate();

        assertThat(rate.invited()).isEqualTo(20);
        assertThat(rate.responded()).isEqualTo(13);
        assertThat(rate.percentage()).isEqualTo("65%");
        assertThat(rate.byGroup()).extracting(GroupRate::id, GroupRate::invited, GroupRate::responded,
                GroupRate::percentage).containsExactly(
                        tuple("ssog-member", 9, 6, "67%"),
                        tuple("key-partner", 4, 2, "50%"),
                        tuple("district-council", 7, 5, "71%"));
    }

    @Test
    void flagsTheSilentRequiredDistrictCouncilsWithTheirChaseOutcomesFirst() {
        assertThat(draft().nonRespondents()).extracting(NonRespondent::id, NonRespondent::required,
                NonRespondent::chaseOutcome).containsExactly(
                        tuple("melton", true, "Officer on leave; no reply promised"),
                        tuple("oadby-wigston", true, "No view to give"),
                        tuple("primary-care-trust", false, null),
                        tuple("jobcentre-plus", false, null),
                        tuple("government-office-east-midlands", false, null),
                        tuple("arts-council-east-midlands", false, null),
                        tuple("sports-partnership", false, null));
    }

    @Test
    void excludesTheLateResponseAndListsIt() {
        Report report = draft();

        assertThat(report.late()).extracting(LateResponse::id, LateResponse::version)
                .containsExactly(tuple("arts-council-east-midlands", 1));
        assertThat(report.questions().get(1).byGroup().get("key-partner")).containsEntry("b", 1);
    }

    @Test
    void aResponseArrivingAfterTheDraftJoinsTheAnnexOfTheReDraft() {
        submissions.add(new Submission("melton", 1, Map.of("preference", "c"), DRAFTED.plusSeconds(60),
                DRAFTED.plusSeconds(61), true, "LETTER"));

        Report redraft = draft();

        assertThat(redraft.late()).extracting(LateResponse::id)
                .containsExactly("arts-council-east-midlands", "melton");
        assertThat(redraft.questions().get(1).overall()).containsEntry("c", 3);
        assertThat(redraft.nonRespondents()).extracting(NonRespondent::id).contains("melton");
        assertThat(new MarkdownReport().render(redraft, seed))
                .contains("not counted in any figure above: Arts Council England, East Midlands (version 1), "
                        + "Melton Borough Council (version 1).");
    }

    @Test
    void recordsChannelsAndTheReasonForTheShortPeriod() {
        var record = draft().record();

        assertThat(record.channels()).containsExactly(entry("WEB", 8), entry("LETTER", 2), entry("EMAIL", 1),
                entry("PARTNER", 1), entry("PHONE", 1));
        assertThat(record.shorterThanUsual()).isTrue();
        assertThat(record.shortPeriodReason()).startsWith("Views were needed by 30 April");
    }

    @Test
    void keepsAFormulaAnswerInertInTheCsv() {
        assertThat(new CsvReport().render(draft(), seed)).contains("\"'=Whatever funders agree\"")
                .doesNotContain(",=Whatever");
    }

    private Report draft() {
        return new ReportDrafter().draft(seed, submissions, record, DRAFTED);
    }

    private static Submission onTime(String consultee, Object preference, String channel) {
        return onTime(consultee, 1, preference, channel);
    }

    private static Submission onTime(String consultee, int version, Object preference, String channel) {
        Instant at = OPENED.plus(Duration.ofDays(30 + version));
        return new Submission(consultee, version, Map.of("preference", preference), at, at.plusSeconds(1), false,
                channel);
    }

    private static Definition seed() {
        try {
            return new Definitions(Clock.systemUTC())
                    .read(Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml")), true);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
