package org.consultflow.report;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.consultflow.consultation.Definition;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.consultation.Rounds;
import org.consultflow.report.render.CsvReport;
import org.consultflow.response.Responses;
import org.consultflow.response.StoredResponse;
import org.springframework.stereotype.Component;

/**
 * Every consultee's response as one CSV row: the version that counts (the last recorded), its channel and whether it
 * was late, then one column per question. Consultees without a response get a row too, so the sheet is the whole
 * round. It starts with a UTF-8 byte order mark, without which Excel reads the organisations' accents wrongly.
 */
@Component
public class ResponsesCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final Rounds rounds;
    private final Responses responses;

    ResponsesCsv(Rounds rounds, Responses responses) {
        this.rounds = rounds;
        this.responses = responses;
    }

    public byte[] of(String key) {
        var round = rounds.get(key);
        var definition = round.definition();
        Map<String, StoredResponse> latest = responses.ofRound(key).stream().collect(Collectors.toMap(
                StoredResponse::consulteeId, Function.identity(),
                (a, b) -> a.version() >= b.version() ? a : b));
        var header = new ArrayList<>(List.of("consultee id", "organisation", "group", "required", "responded",
                "version", "channel", "submitted at", "late", "respondent name", "respondent email"));
        definition.questions().forEach(q -> header.add(q.text()));
        var rows = new ArrayList<List<String>>();
        rows.add(header);
        for (var consultee : definition.consultees()) {
            var response = latest.get(consultee.id());
            var row = new ArrayList<>(List.of(consultee.id(), consultee.organisation(),
                    definition.group(consultee.group()).map(Definition.Group::label).orElse(consultee.group()),
                    yesNo(definition.isRequired(consultee)), yesNo(response != null)));
            if (response == null) {
                row.addAll(List.of("", "", "", "", "", ""));
                definition.questions().forEach(q -> row.add(""));
            } else {
                row.addAll(List.of("" + response.version(), response.channel().name().toLowerCase(),
                        response.submittedAt().atZone(ZoneId.of("UTC")).toOffsetDateTime().toString(),
                        yesNo(response.late()), nullToEmpty(response.respondentName()),
                        nullToEmpty(response.respondentEmail())));
                definition.questions().forEach(q -> row.add(answer(q, response.answers().get(q.id()))));
            }
            rows.add(row);
        }
        var text = rows.stream().map(r -> r.stream().map(CsvReport::cell).collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n", "", "\r\n"));
        var out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** An option's label rather than its id: the sheet is read by people, not parsed back. */
    private static String answer(Question question, Object answer) {
        if (answer == null) {
            return "";
        }
        if (answer instanceof Map<?, ?> other && other.get("other") != null) {
            return "Other: " + other.get("other");
        }
        return question.option(answer.toString()).map(Definition.Option::label).orElse(answer.toString());
    }

    private static String yesNo(boolean value) {
        return value ? "yes" : "no";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
