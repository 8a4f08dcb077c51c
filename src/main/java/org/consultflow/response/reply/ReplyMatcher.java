package org.consultflow.response.reply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.consultflow.notification.MailKey;
import org.consultflow.notification.Mails;
import org.consultflow.response.reply.Replies.Match;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds the engagement a reply answers from the Message-IDs in its In-Reply-To and References: ConsultFlow's
 * invitations and reminders carry Message-IDs derived from round, consultee and purpose, so they are derived again
 * here for the engagements of rounds not yet approved, rather than stored.
 */
@Component
class ReplyMatcher {

    private final JdbcClient jdbc;
    private final Mails mails;

    ReplyMatcher(JdbcClient jdbc, Mails mails) {
        this.jdbc = jdbc;
        this.mails = mails;
    }

    Match match(List<String> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        var known = new HashMap<String, Match>();
        jdbc.sql("""
                select e.round_key, e.consultee_id, e.reminders_sent, e.link_generation from engagement e
                  join round r on r.round_key = e.round_key
                 where r.status <> 'APPROVED'""")
                .query(rs -> {
                    index(known, rs.getString("round_key"), rs.getString("consultee_id"), rs.getInt("reminders_sent"),
                            rs.getInt("link_generation"));
                });
        // The nearest mail first: In-Reply-To comes before References, and References lists the newest last.
        for (var id : answers) {
            var match = known.get(id);
            if (match != null) {
                return match;
            }
        }
        return null;
    }

    private void index(Map<String, Match> known, String roundKey, String consulteeId, int remindersSent,
            int linkGenerations) {
        var match = new Match(roundKey, consulteeId);
        // A reply to an invitation sent again answers for the same engagement as one to the first.
        for (int generation = 0; generation <= linkGenerations; generation++) {
            known.put(mails.messageId(MailKey.invitation(roundKey, consulteeId, generation)), match);
        }
        for (int number = 1; number <= remindersSent; number++) {
            known.put(mails.messageId(MailKey.reminder(roundKey, consulteeId, number)), match);
        }
    }
}
