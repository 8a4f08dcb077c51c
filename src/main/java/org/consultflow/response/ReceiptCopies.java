package org.consultflow.response;

import static org.consultflow.platform.JdbcTimes.ts;

import java.time.Duration;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Keeps receipts from being a relay: anyone who can answer for a consultee may type any address, so copies to
 * addresses other than the invited contact's are limited per consultee and rolling hour. The hour ends when the
 * version was recorded, not when its receipt is sent, so a retried or late receipt gets the same answer every time.
 */
@Repository
class ReceiptCopies {

    static final int PER_HOUR = 3;
    private static final Duration WINDOW = Duration.ofHours(1);

    private final JdbcClient jdbc;

    ReceiptCopies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this version is among the first {@value #PER_HOUR} within the hour to name an address of its own. */
    boolean allowed(StoredResponse response, String contactEmail) {
        var copies = jdbc.sql("""
                select count(*) from response
                 where round_key = ? and consultee_id = ? and version <= ? and recorded_at > ?
                   and respondent_email is not null and trim(respondent_email) <> ''
                   and lower(trim(respondent_email)) <> lower(?)""")
                .params(response.roundKey(), response.consulteeId(), response.version(),
                        ts(response.recordedAt().minus(WINDOW)), contactEmail)
                .query(Integer.class).single();
        return copies <= PER_HOUR;
    }
}
