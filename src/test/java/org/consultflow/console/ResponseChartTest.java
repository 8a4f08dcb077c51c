package org.consultflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

class ResponseChartTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Instant OPENS = Instant.parse("2007-02-14T09:00:00Z");
    static final Instant DEADLINE = Instant.parse("2007-04-30T22:59:59Z");

    @Test
    void theChartSaysInWordsWhatItShows() {
        var chart = ResponseChart.of(OPENS, DEADLINE, List.of(Instant.parse("2007-03-01T10:00:00Z"),
                Instant.parse("2007-04-20T10:00:00Z"), Instant.parse("2007-04-29T10:00:00Z")), 20, LONDON);

        assertThat(chart.summary()).isEqualTo(
                "3 of 20 consultees had responded by 30 Apr 2007, 11:59pm, from the round opening on 14 Feb 2007, 9:00am.");
        assertThat(chart.svg()).contains("role=\"img\"").contains("<title id=\"chart-title\">Responses over time</title>")
                .contains("<desc id=\"chart-desc\">3 of 20 consultees had responded");
    }

    @Test
    void theTableBesideTheChartCountsResponsesUpToEachTime() {
        var chart = ResponseChart.of(OPENS, DEADLINE, List.of(Instant.parse("2007-04-29T10:00:00Z"),
                Instant.parse("2007-02-15T10:00:00Z")), 20, LONDON);

        assertThat(chart.points()).hasSize(8);
        assertThat(chart.points().get(0).responded()).isEqualTo(1);
        assertThat(chart.points().get(7)).isEqualTo(new ResponseChart.Point("30 Apr 2007, 11:59pm", 2));
    }
}
