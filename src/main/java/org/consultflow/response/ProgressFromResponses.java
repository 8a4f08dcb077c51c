package org.consultflow.response;

import java.util.HashMap;
import java.util.Map;

import org.consultflow.consultation.ConsulteeProgress;
import org.consultflow.engagement.Engagements;
import org.springframework.stereotype.Component;

/** Each consultee's progress: its engagement (invited, reminded, chased) and the versions of its response. */
@Component
class ProgressFromResponses implements ConsulteeProgress {

    private final Engagements engagements;
    private final Responses responses;

    ProgressFromResponses(Engagements engagements, Responses responses) {
        this.engagements = engagements;
        this.responses = responses;
    }

    @Override
    public Map<String, Progress> of(String roundKey) {
        var counts = responses.countsByConsultee(roundKey);
        var progress = new HashMap<String, Progress>();
        for (var engagement : engagements.ofRound(roundKey)) {
            var count = counts.getOrDefault(engagement.consulteeId(), new Responses.Counts(0, 0));
            progress.put(engagement.consulteeId(), new Progress(engagement.invitedAt(), engagement.remindersSent(),
                    count.onTime(), count.late(), engagement.chasedAt(), engagement.chaseOutcome(),
                    engagement.mailFailure()));
        }
        return progress;
    }
}
