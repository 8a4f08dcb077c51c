package org.consultflow.report.render;

import org.consultflow.report.draft.RoundFixture;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CsvReportTest {

    private final String csv = new CsvReport().render(RoundFixture.draft(), RoundFixture.DEFINITION);

    @Test
    void givesEveryCountOverallAndPerGroup() {
        assertThat(csv).startsWith("section,question,option,group,organisation,count,answered,percentage,text\r\n")
                .contains("choice,Which model do you prefer?,Model B,All consultees,,1,3,33%,\r\n")
                .contains("choice,Which model do you prefer?,Model B,District councils,,1,,50%,\r\n")
                .contains("response rate,,,District councils,,2,3,67%,\r\n")
                .contains("non-respondent,,,District councils,Melton Borough Council,,,,"
                        + "Chased 27 April 2007 at 11:59pm: Will write by letter\r\n")
                .contains("late (not counted),Which model do you prefer?,,Key partners,Arts Council East Midlands,,,,"
                        + "Other: Regional hub\r\n");
    }

    @Test
    void neutralisesFormulasAndQuotesSeparators() {
        assertThat(CsvReport.cell("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvReport.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(CsvReport.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(CsvReport.cell("Vital | trusted, partners")).isEqualTo("\"Vital | trusted, partners\"");
        assertThat(csv).contains("Funding <script>alert('x')</script> advice");
    }
}
