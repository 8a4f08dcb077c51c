package org.consultflow.report.draft;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consultflow.consultation.Definition.Consultee;
import org.consultflow.consultation.Definition.Group;
import org.consultflow.consultation.Definition.Question;
import org.consultflow.report.draft.Report.Answer;
import org.consultflow.report.draft.Report.QuestionSummary;

/** Counts one CHOICE question; every option and group is present from the start so a zero shows as a zero. */
public final class ChoiceTally {

    public static final String OTHER = "other";

    private final Question question;
    private final Map<String, Integer> overall;
    private final Map<String, Map<String, Integer>> byGroup = new LinkedHashMap<>();
    private final List<Answer> other = new ArrayList<>();
    private int answered;

    ChoiceTally(Question question, List<Group> groups) {
        this.question = question;
        this.overall = zeroes();
        groups.forEach(g -> byGroup.put(g.id(), zeroes()));
    }

    private Map<String, Integer> zeroes() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        question.options().forEach(o -> counts.put(o.id(), 0));
        if (question.other()) {
            counts.put(OTHER, 0);
        }
        return counts;
    }

    void add(Consultee consultee, Object answer) {
        if (answer instanceof String optionId && question.option(optionId).isPresent()) {
            count(consultee, optionId);
        } else if (question.other() && answer instanceof Map<?, ?> map && map.get(OTHER) instanceof String text) {
            count(consultee, OTHER);
            other.add(new Answer(consultee.id(), consultee.organisation(), consultee.group(), text));
        }
    }

    private void count(Consultee consultee, String key) {
        answered++;
        overall.merge(key, 1, Integer::sum);
        Map<String, Integer> group = byGroup.get(consultee.group());
        if (group != null) {
            group.merge(key, 1, Integer::sum);
        }
    }

    QuestionSummary summary() {
        Map<String, Map<String, Integer>> groups = new LinkedHashMap<>();
        byGroup.forEach((id, counts) -> groups.put(id, Collections.unmodifiableMap(counts)));
        return new QuestionSummary(question.id(), question.text(), question.type(), answered,
                Collections.unmodifiableMap(overall), Collections.unmodifiableMap(groups), List.copyOf(other), null);
    }
}
