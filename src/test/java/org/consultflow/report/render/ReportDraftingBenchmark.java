package org.consultflow.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Contact;
import org.consultflow.consultation.Definition.Coordinator;
import org.consultflow.consultation.Definition.Group;
import org.consultflow.consultation.Definition.Option;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Definition.QuestionType;
import org.consultflow.report.draft.ConsultationRecord;
import org.consultflow.report.draft.Report;
import org.consultflow.report.draft.ReportDrafter;
import org.consultflow.report.draft.RoundFixture;
import org.consultflow.report.draft.Submission;
import org.junit.jupiter.api.Test;

/**
 * Drafting and writing out the report of a round of {@code consultflow.benchmark.responses} (10,000) responses, each
 * step timed three times in one JVM after a warm-up: a figure for people, never asserted. Not part of {@code verify}
 * (its name matches neither test pattern); run it with
 * {@code ./mvnw -o test -Dtest=ReportDraftingBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * What is asserted is that the report holds every response.
 */
class ReportDraftingBenchmark {

    private static final int N = Integer.getInteger("consultflow.benchmark.responses", 10_000);

    @Test
    void draftsAndRendersTheReportOfTenThousandResponses() throws Exception {
        var definition = definition(N);
        var submissions = submissions(N);
        var record = new ConsultationRecord(RoundFixture.OPENED, RoundFixture.DEADLINE, RoundFixture.DEADLINE,
                RoundFixture.LONDON, 2, false, N / 2, RoundFixture.DEADLINE.minus(Duration.ofDays(2)), List.of(),
                Map.of());
        var drafter = new ReportDrafter();
        var html = new HtmlReport(RoundFixture.templates());
        var json = new ObjectMapper().registerModule(new JavaTimeModule());
        Supplier<Report> draft = () -> drafter.draft(definition, submissions, record, RoundFixture.DRAFTED);
        var report = draft.get();
        assertThat(report.responseRate().responded()).isEqualTo(N - N / 20);
        assertThat(report.late()).hasSize(N / 20);

        var steps = new LinkedHashMap<String, Supplier<Object>>();
        steps.put("draft (tallies, non-respondents, late annex)", draft::get);
        steps.put("JSON (what is stored)", () -> write(json, report));
        steps.put("HTML", () -> html.render(report, definition));
        steps.put("Markdown", () -> new MarkdownReport().render(report, definition));
        steps.put("CSV", () -> new CsvReport().render(report, definition));
        steps.put("Word (.docx)", () -> new DocxReport().render(report, definition));
        steps.put("PDF", () -> new PdfReport(html).render(report, definition));
        steps.values().forEach(Supplier::get);

        var out = new StringBuilder("\nReport of " + N + " responses, median of 3 (ms):\n");
        steps.forEach((name, step) -> {
            long[] ms = new long[3];
            Object last = null;
            for (int i = 0; i < ms.length; i++) {
                long start = System.nanoTime();
                last = step.get();
                ms[i] = (System.nanoTime() - start) / 1_000_000;
            }
            Arrays.sort(ms);
            out.append("  %-48s %7d  (%d, %d, %d)%s%n".formatted(name, ms[1], ms[0], ms[1], ms[2], size(last)));
        });
        System.out.println(out);
    }

    private static String size(Object output) {
        long bytes = output instanceof byte[] b ? b.length
                : output instanceof String s ? s.getBytes(StandardCharsets.UTF_8).length : -1;
        return bytes < 0 ? "" : "  %,d bytes".formatted(bytes);
    }

    private static byte[] write(ObjectMapper json, Report report) {
        try {
            return json.writeValueAsBytes(report);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Definition definition(int n) {
        var groups = List.of(new Group("councils", "Councils", true), new Group("partners", "Partners", false),
                new Group("community", "Community groups", false));
        var consultees = new ArrayList<Consultee>();
        for (int i = 0; i < n; i++) {
            consultees.add(new Consultee("org-" + i, "Organisation " + i, groups.get(i % 3).id(),
                    new Contact("Contact " + i, "contact" + i + "@example.org")));
        }
        return new Definition("bench", "Benchmark round", "Ten thousand organisations.", List.of(),
                new Coordinator("Pat Officer", "pat@example.org"), RoundFixture.LONDON,
                OffsetDateTime.parse("2007-02-14T09:00:00Z"), OffsetDateTime.parse("2007-04-30T23:59:00+01:00"),
                List.of(Duration.ofDays(7)), Duration.ofDays(2), null,
                List.of(new Question("model", "Which model do you prefer?", QuestionType.CHOICE,
                                List.of(new Option("A", "Model A"), new Option("B", "Model B"),
                                        new Option("C", "Model C")), true),
                        new Question("funding", "Would you part-fund it?", QuestionType.CHOICE,
                                List.of(new Option("yes", "Yes"), new Option("no", "No")), false),
                        new Question("role", "What role should it play?", QuestionType.TEXT, List.of(), false)),
                groups, consultees);
    }

    /** Everyone answers, one in twenty after the deadline; each writes a paragraph of some 300 characters. */
    private static List<Submission> submissions(int n) {
        var paragraph = "We value the support it gives to small groups, especially advice on funding bids, "
                + "governance and volunteering; a county-wide hub with local outreach would serve our members "
                + "best, provided district councils keep a say in what it does and how its work is reported. ";
        var submissions = new ArrayList<Submission>();
        for (int i = 0; i < n; i++) {
            boolean late = i % 20 == 0;
            Instant at = late ? RoundFixture.DEADLINE.plusSeconds(3600 + i) : RoundFixture.OPENED.plusSeconds(60L * i);
            Map<String, Object> answers = Map.of("model", List.of("A", "B", "C").get(i % 3),
                    "funding", i % 2 == 0 ? "yes" : "no", "role", paragraph + i);
            submissions.add(new Submission("org-" + i, 1, answers, at, at.plusSeconds(1), late, "WEB"));
        }
        return submissions;
    }
}
