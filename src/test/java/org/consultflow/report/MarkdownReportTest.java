package org.consultflow.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MarkdownReportTest {

    private final String markdown = new MarkdownReport().render(RoundFixture.draft(), RoundFixture.DEFINITION);

    @Test
    void opensAsADraftForTheDecisionMeeting() {
        assertThat(markdown).startsWith("# VCS infrastructure review\n\n**Draft — for the decision meeting.**");
        assertThat(markdown).contains("- Opened: 14 February 2007 at 9:00am\n")
                .contains("- Deadline: 30 April 2007 at 11:59pm\n")
                .contains("- Length of consultation: 75 days (10.7 weeks), shorter than the usual 12 weeks\n")
                .contains("- Reminders sent: 3\n")
                .contains("shorter than the usual 12 weeks set by the 2007 Code of Practice on Consultation");
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
                | Model A | 1 | 0 | 1 |
                | Model B | 1 | 1 | 0 |
                | Model C \\| county-wide | 0 | 0 | 0 |
                | Other | 1 | 1 | 0 |
                """);
        assertThat(markdown).contains("""
                ### Other answers

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
    void listsNonRespondentsMarkingRequiredOnes() {
        assertThat(markdown).contains("""
                ## Non-respondents

                - **Required** Melton Borough Council (District councils)
                - Arts Council East Midlands (Key partners)
                """);
    }

    @Test
    void annexesLateResponsesAfterEverythingCounted() {
        String annex = markdown.substring(markdown.indexOf("## Annex: late responses"));

        assertThat(markdown.indexOf("## Annex: late responses")).isGreaterThan(markdown.indexOf("## Non-respondents"));
        assertThat(annex).contains("### Arts Council East Midlands (Key partners)")
                .contains("Received 1 May 2007 at 12:59am, version 1.")
                .contains("> Other: Regional hub")
                .contains("### Blaby District Council (District councils)")
                .contains("> Changed our mind");
        assertThat(markdown.substring(0, markdown.indexOf("## Annex"))).doesNotContain("Changed our mind");
    }
}
