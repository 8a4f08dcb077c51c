package org.consultflow.response;

import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.notification.Deadlines;
import org.consultflow.response.Drafts.Draft;
import org.consultflow.response.ResponseLinks.Link;

/**
 * What everyone using one organisation's link should know before they type: the last save and the version that
 * counts, each with when and by whom — several people of one organisation may share the link. The accessors are
 * public only because the templates call them.
 */
record LinkActivity(Saved saved, Counted counted) {

    record Saved(Draft draft, String at) {

        public String by() {
            return draft.savedBy();
        }
    }

    record Counted(StoredResponse response, String at) {

        public String by() {
            return response.respondentName();
        }

        public int version() {
            return response.version();
        }

        public boolean late() {
            return response.late();
        }
    }

    static LinkActivity of(Link link, Responses responses, Drafts drafts) {
        var zone = link.round().definition().timezone();
        var counted = responses.latest(link.roundKey(), link.consulteeId())
                .map(latest -> new Counted(latest, Deadlines.format(latest.recordedAt().atZone(zone))))
                .orElse(null);
        // A draft older than the version that counts (a letter recorded since, say) would hide that version: ignore it.
        var saved = drafts.find(link.roundKey(), link.consulteeId())
                .filter(draft -> counted == null || draft.savedAt().isAfter(counted.response().recordedAt()))
                .map(draft -> new Saved(draft, Deadlines.format(draft.savedAt().atZone(zone))))
                .orElse(null);
        return new LinkActivity(saved, counted);
    }

    /** The fields to show: the newer draft, else the version that counts, else nothing. */
    Map<String, String> values(Definition definition) {
        if (saved != null) {
            return saved.draft().fields();
        }
        return counted == null ? Map.of() : ResponseFormAnswers.prefill(definition, counted.response());
    }
}
