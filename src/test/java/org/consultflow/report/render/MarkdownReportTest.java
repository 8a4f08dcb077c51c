package org.consultflow.report.render;

import org.consultflow.report.draft.RoundFixture;

import org.consultflow.report.draft.Report;
import org.consultflow.report.draft.ReportDrafter;
import org.consultflow.report.draft.ConsultationRecord;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private final String markdown = new MarkdownReport().render(RoundFixture.draft(), RoundFixture.DEFINITION);

    @Test
    void anApprovedReportOpensWithItsVersionAndNeverSaysDraft() {
        String approved = new MarkdownReport().render(RoundFixture.draft(), RoundFixture.DEFINITION,
                Approvals.SECOND);

        assertThat(approved).startsWith("# VCS infrastructure review\n\n**Approved report — version 2, approved on"
                + " 9 May 2007.** Approved on 9 May 2007 at 11:00am, with the figures as they stood on 1 May 2007 at"
                + " 9:00am.").doesNotContainIgnoringCase("draft");
    }

    @Test
    void opensAsADraftForTheDecisionMeeting() {
        assertThat(markdown).startsWith("# VCS infrastructure review\n\n**Draft — for the decision meeting.**");
        assertThat(markdown).contains("- Opened: 14 February 2007 at 9:00am\n")
                .contains("- Deadline: 30 April 2007 at 11:59pm\n")
                .contains("- Length of consultation: 75 days (10.7 weeks), shorter than the usual 12 weeks\n")
                .contains("- Reminders sent: 3 to 2 consultees, the last on 28 April 2007 at 11:59pm\n")
                .contains("- Deadline changes: moved from 23 April 2007 at 11:59pm to 30 April 2007 at 11:59pm"
                        + " on 2 April 2007 at 11:15am by pat\n")
                .contains("- Channels used: web form 2, letter 1\n")
                .contains("shorter than the usual 12 weeks set by the 2007 Code of Practice on Consultation");
    }

    @Test
    void opensWithASummaryOfWhatWasAskedOfWhomAndTheHeadlineOfEachChoice() {
        assertThat(markdown).contains("""
                ## Summary

                - What was asked: 2 questions: What role do VCS infrastructure organisations play? / Which model do you \
                prefer?
                - Of whom: 5 organisations in 2 stakeholder groups: District councils (3, required), Key partners (2)
                - When: 14 February 2007 to 30 April 2007 (75 days)
                - Responses: 3 of 5 (60%) on time; District councils 2 of 3 (67%), Key partners 1 of 2 (50%); 2 late \
                responses in the annex, not counted
                - Question 2: Which model do you prefer? — Model A, Model B and Other tied: 1 each of 3 answers (33% each)
                """);
    }

    @Test
    void quotesTheReasonForAShortPeriodInsteadOfWarning() {
        var d = RoundFixture.DEFINITION;
        var withReason = new org.consultflow.consultation.Definition(d.key(), d.title(), d.summary(), d.documents(),
                d.coordinator(), d.timezone(), d.opens(), d.deadline(), d.reminders(), d.chase(),
                java.time.LocalDate.of(2007, 5, 9), d.questions(), d.groups(), d.consultees(), d.sources(),
                "Views were needed for the meeting on 9 May.");
        Report report = new ReportDrafter().draft(withReason, RoundFixture.SUBMISSIONS,
                RoundFixture.record(RoundFixture.OPENED, RoundFixture.DEADLINE), RoundFixture.DRAFTED);

        String paper = new MarkdownReport().render(report, withReason);

        assertThat(paper).contains("- Why the period was shorter: Views were needed for the meeting on 9 May.\n")
                .contains("- Report due: 9 May 2007\n")
                .doesNotContain("The paper should say why");
    }

    @Test
    void printsTheCoordinatorsCommentaryAfterTheSummary() {
        Report report = new ReportDrafter().draft(RoundFixture.DEFINITION, RoundFixture.SUBMISSIONS,
                RoundFixture.record(RoundFixture.OPENED, RoundFixture.DEADLINE), RoundFixture.DRAFTED,
                java.util.List.of(new Report.Commentary("Officers' view", "Support *is* divided.")));

        String paper = new MarkdownReport().render(report, RoundFixture.DEFINITION);

        assertThat(paper).contains("\n## Officers' view\n\nSupport \\*is\\* divided.\n");
        assertThat(paper.indexOf("## Officers' view")).isBetween(paper.indexOf("## Summary"),
                paper.indexOf("## Consultation record"));
    }

    @Test
    void warnsThatARehearsalIsNotToBeActedOn() {
        ConsultationRecord rehearsal = new ConsultationRecord(RoundFixture.OPENED, RoundFixture.DEADLINE,
                RoundFixture.DEADLINE, RoundFixture.LONDON, 0, true);
        Report report = new ReportDrafter().draft(RoundFixture.DEFINITION, RoundFixture.SUBMISSIONS, rehearsal,
                RoundFixture.DRAFTED);

        assertThat(report.record().rehearsal()).isTrue();
        assertThat(new MarkdownReport().render(report, RoundFixture.DEFINITION)).contains("**Rehearsal round:**");
        assertThat(markdown).doesNotContain("Rehearsal round");
    }

    @Test
    void tabulatesResponseRatesPerGroup() {
        assertThat(markdown).contains("""
                | Group | Invited | Responded | Rate |
                | --- | ---: | ---: | ---: |
                | District councils (required) | 3 | 2 | 67% |
                | Key partners | 2 | 1 | 50% |
                | **All consultees** | 5 | 3 | 60% |
                """);
    }

    @Test
    void tabulatesChoicesOverallAndPerGroupWithOtherAnswersQuoted() {
        assertThat(markdown).contains("""
                | Option | All consultees | District councils | Key partners |
                | --- | ---: | ---: | ---: |
                | Model A | 1 (33%) | 0 (0%) | 1 (100%) |
                | Model B | 1 (33%) | 1 (50%) | 0 (0%) |
                | Model C \\| county-wide | 0 (0%) | 0 (0%) | 0 (0%) |
                | Other | 1 (33%) | 1 (50%) | 0 (0%) |
                """);
        assertThat(markdown).contains("""
                ### Other answers

                #### District councils

                **Charnwood Borough Council** (District councils)

                > A hybrid \\| of B and C
                """);
    }

    @Test
    void quotesFreeTextUnderTheOrganisationEscapingMarkdown() {
        assertThat(markdown).contains("""
                **Charnwood Borough Council** (District councils)

                > Vital \\| trusted partners
                """);
        assertThat(markdown).contains("> Funding \\<script\\>alert('x')\\</script\\> advice");
        assertThat(markdown).doesNotContain("Vital | trusted");
    }

    @Test
    void escapesWhatWouldOtherwiseBecomeMarkdown() {
        assertThat(MarkdownText.text("# Not a heading")).isEqualTo("\\# Not a heading");
        assertThat(MarkdownText.text("- not a list\n1. nor this")).isEqualTo("\\- not a list\n1\\. nor this");
        assertThat(MarkdownText.text("*bold* [link](x)")).isEqualTo("\\*bold\\* \\[link\\](x)");
        assertThat(MarkdownText.cell("two\nlines | here")).isEqualTo("two lines \\| here");
        assertThat(MarkdownText.text("Hinckley & Bosworth &amp; co")).isEqualTo("Hinckley & Bosworth \\&amp; co");
        assertThat(MarkdownText.quote("one\n\n    two")).isEqualTo("> one\n>\n> two");
    }

    @Test
    void listsNonRespondentsByGroupMarkingRequiredOnesWithTheirChase() {
        assertThat(markdown).contains("""
                ## Non-respondents

                ### District councils (required)

                - **Required** Melton Borough Council (District councils) — Chased 27 April 2007 at 11:59pm: \
                Will write by letter

                ### Key partners

                - Arts Council East Midlands (Key partners)
                """);
    }

    @Test
    void annexesLateResponsesAfterEverythingCounted() {
        String annex = markdown.substring(markdown.indexOf("## Annex: late responses"));

        assertThat(markdown.indexOf("## Annex: late responses")).isGreaterThan(markdown.indexOf("## Non-respondents"));
        assertThat(annex).contains("### Arts Council East Midlands (Key partners)")
                .contains("not counted in any figure above: Arts Council East Midlands (version 1), "
                        + "Blaby District Council (version 3).")
                .contains("Received 1 May 2007 at 12:59am, version 1.")
                .contains("> Other: Regional hub")
                .contains("### Blaby District Council (District councils)")
                .contains("> Changed our mind");
        assertThat(markdown.substring(0, markdown.indexOf("## Annex"))).doesNotContain("Changed our mind");
    }
}
