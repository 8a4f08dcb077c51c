package org.consultflow.report.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.consultflow.consultation.Rounds;
import org.consultflow.engagement.Engagement;
import org.consultflow.engagement.Engagements;
import org.consultflow.notification.SentMails;
import org.consultflow.platform.Audit;
import org.consultflow.report.ApprovedReports;
import org.consultflow.report.render.ReportFormat;
import org.consultflow.response.Responses;
import org.consultflow.response.StoredResponse;
import org.springframework.stereotype.Component;

/**
 * Gathers a round's evidence into a ZIP. Everything is in a fixed order and nothing depends on when the pack is
 * made, so the same round gives the same bytes until something about it changes.
 */
@Component
class EvidencePack {

    /** A response version as evidence: who, by which channel, when submitted and when recorded, and what it said. */
    record ResponseVersion(String consulteeId, String organisation, int version, String channel, String source,
            Instant submittedAt, Instant recordedAt, boolean late, String respondentName, String respondentEmail,
            Map<String, Object> answers) {}

    private final Rounds rounds;
    private final Engagements engagements;
    private final Responses responses;
    private final Audit audit;
    private final ApprovedReports approved;
    private final SentMails mails;
    private final ObjectMapper json;

    EvidencePack(Rounds rounds, Engagements engagements, Responses responses, Audit audit, ApprovedReports approved,
            SentMails mails, ObjectMapper json) {
        this.rounds = rounds;
        this.engagements = engagements;
        this.responses = responses;
        this.audit = audit;
        this.approved = approved;
        this.mails = mails;
        // sorted keys: answers come back from the database in whatever order their JSON was written
        this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    byte[] zip(String roundKey) {
        var round = rounds.get(roundKey);
        var definition = round.definition();
        var version = approved.find(roundKey);
        var files = new LinkedHashMap<String, byte[]>();
        files.put("README.md", EvidenceReadme.text(round, version.orElse(null)).getBytes(StandardCharsets.UTF_8));
        files.put("definition.json", rounds.definitionAsStarted(roundKey).getBytes(StandardCharsets.UTF_8));
        var byConsultee = responses.ofRound(roundKey).stream()
                .sorted(Comparator.comparing(StoredResponse::consulteeId).thenComparing(StoredResponse::version))
                .collect(Collectors.groupingBy(StoredResponse::consulteeId, LinkedHashMap::new, Collectors.toList()));
        byConsultee.forEach((id, versions) -> versions.forEach(r -> files.put(
                "responses/" + id + "/v" + r.version() + ".json", write(new ResponseVersion(id,
                        definition.consultee(id).map(c -> c.organisation()).orElse(id), r.version(),
                        r.channel().name(), r.source(), r.submittedAt(), r.recordedAt(), r.late(),
                        r.respondentName(), r.respondentEmail(), r.answers())))));
        var engaged = engagements.ofRound(roundKey).stream()
                .collect(Collectors.toMap(Engagement::consulteeId, Function.identity()));
        var sent = mails.ofRound(roundKey);
        var sentTo = sent.stream().filter(m -> m.consulteeId() != null)
                .collect(Collectors.groupingBy(SentMails.SentMail::consulteeId));
        definition.consultees().forEach(c -> files.put("timelines/" + c.id() + ".json", write(Timeline.of(c,
                definition.isRequired(c), engaged.get(c.id()), byConsultee.getOrDefault(c.id(), java.util.List.of()),
                sentTo.getOrDefault(c.id(), java.util.List.of())))));
        files.put("mails.json", write(sent));
        files.put("audit.json", write(audit.ofRound(roundKey)));
        version.ifPresent(v -> {
            files.put("report/approval.json", write(v));
            for (var format : ReportFormat.values()) {
                files.put("report/" + format.fileName(roundKey), approved.file(roundKey, format).orElseThrow());
            }
        });
        return ReproducibleZip.of(files, json);
    }

    private byte[] write(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
