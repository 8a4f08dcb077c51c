package org.consultflow.report.draft;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One stored version of a consultee's response, as the report sees it. {@code late} means it was submitted after the
 * round closed: it is kept and annexed but never counted.
 */
public record Submission(
        String consulteeId,
        int version,
        Map<String, Object> answers,
        Instant submittedAt,
        Instant recordedAt,
        boolean late,
        String channel) {

    /** A response whose channel is not known (drafts of rounds recorded before channels were kept). */
    public Submission(String consulteeId, int version, Map<String, Object> answers, Instant submittedAt,
            Instant recordedAt, boolean late) {
        this(consulteeId, version, answers, submittedAt, recordedAt, late, null);
    }

    public Submission {
        // answers may legitimately hold nulls for skipped questions, which Map.copyOf refuses
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }
}
