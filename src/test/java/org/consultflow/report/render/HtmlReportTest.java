package org.consultflow.report.render;

import org.consultflow.report.draft.RoundFixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private final String html = new HtmlReport(RoundFixture.templates()).render(RoundFixture.draft(), RoundFixture.DEFINITION);
    /** Whitespace between tags removed, so rows can be asserted on one line. */
    private final String compact = html.replaceAll(">\\s+<", "><").replaceAll("\\s+", " ");

    @Test
    void isAStandaloneGovUkPage() {
        assertThat(html).contains("<html lang=\"en\"")
                .contains("<title>VCS infrastructure review – draft report</title>")
                .contains("href=\"/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.css\"")
                .contains("<h1 class=\"govuk-heading-xl\">VCS infrastructure review</h1>")
                .contains("Draft — for the decision meeting");
    }

    @Test
    void anApprovedReportIsTitledAndHeadedAsItsVersionAndNeverAsADraft() {
        String approved = new HtmlReport(RoundFixture.templates()).render(RoundFixture.draft(),
                RoundFixture.DEFINITION, Approvals.SECOND, false);

        assertThat(approved).contains("<title>VCS infrastructure review – approved report</title>")
                .contains("Approved report — version 2, approved on 9 May 2007")
                .doesNotContainIgnoringCase("draft");
    }

    @Test
    void tabulatesResponseRatesWithHeadersScoped() {
        assertThat(compact).contains(
                "<caption class=\"govuk-table__caption govuk-table__caption--m\">Responses by stakeholder group</caption>")
                .contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">Invited</th>")
                .contains("<th scope=\"row\" class=\"govuk-table__header\"><span>District councils</span>"
                        + "<strong class=\"govuk-tag govuk-tag--red\">Required</strong></th>"
                        + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">3</td>"
                        + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">2</td>"
                        + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">67%</td>");
    }

    @Test
    void tabulatesChoicesOverallAndPerGroup() {
        assertThat(compact).contains("Answers to question 2, overall and by group</caption>")
                .contains("<th scope=\"col\" class=\"govuk-table__header govuk-table__header--numeric\">"
                        + "Key partners</th>")
                .contains("<th scope=\"row\" class=\"govuk-table__header\">Other</th>"
                        + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">1 (33%)</td>"
                        + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">1 (50%)</td>"
                        + "<td class=\"govuk-table__cell govuk-table__cell--numeric\">0 (0%)</td>");
    }

    @Test
    void drawsABarChartPerChoiceQuestionInlineAsSvg() {
        assertThat(compact).containsOnlyOnce("<svg ")
                .contains("<figure class=\"report-chart\" aria-hidden=\"true\"><svg ")
                .contains("id='chart-2'")
                .contains(">Model C | county-wide</text>");
    }

    @Test
    void escapesWhatConsulteesTyped() {
        assertThat(html).doesNotContain("<script>")
                .contains("Funding &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; advice");
    }

    @Test
    void showsNonRespondentsAndTheLateAnnex() {
        assertThat(compact).contains("<h3 class=\"govuk-heading-m\">District councils (required)</h3>")
                .contains("<li><strong class=\"govuk-tag govuk-tag--red\">Required</strong>"
                        + "<span>Melton Borough Council</span> (<span>District councils</span>) — "
                        + "<span>Chased 27 April 2007 at 11:59pm: Will write by letter</span></li>")
                .contains("<h2 class=\"govuk-heading-l\">Annex: late responses</h2>")
                .contains("Received 1 May 2007 at 12:59am, version 1.")
                .contains("<dd class=\"govuk-summary-list__value report-text\">Other: Regional hub</dd>");
    }
}
