package org.consultflow.engagement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.consultflow.platform.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * Personal links {@code <public-base-url>/respond/<token>}. The token is an HMAC-SHA256 of the business key under a
 * server-side secret (256 bits): it can be derived again for every reminder, so it is never stored; the database
 * holds only its SHA-256 hash, to find the engagement a link belongs to.
 * <p>
 * A re-sent invitation carries a new link: the engagement's link generation counts up and goes into the HMAC with the
 * business key. Generation 0 is the business key alone, so the links of the first invitations never change. Replaced
 * links are kept by hash with the time they were replaced, and say so when opened.
 */
@Component
public class PersonalLinks {

    private final PublicLinks settings;
    private final Engagements engagements;

    PersonalLinks(PublicLinks settings, Engagements engagements) {
        if (settings.secret() == null || settings.secret().isBlank()) {
            throw new IllegalStateException("consultflow.links.secret is not set");
        }
        this.settings = settings;
        this.engagements = engagements;
    }

    /** The consultee's current link: every mail uses it, so a reminder after a re-sent invitation has the new one. */
    public String url(String roundKey, String consulteeId) {
        return settings.baseUrl() + "/respond/" + token(roundKey, consulteeId,
                engagements.linkGeneration(roundKey, consulteeId));
    }

    String token(String roundKey, String consulteeId) {
        return token(roundKey, consulteeId, 0);
    }

    /** Ids never hold a colon, so {@code <round>:<consultee>:<generation>} is no other engagement's business key. */
    String token(String roundKey, String consulteeId, int generation) {
        var message = Engagement.businessKey(roundKey, consulteeId) + (generation == 0 ? "" : ":" + generation);
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var digest = mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The engagement a token belongs to, if it is one of ours. */
    public Optional<Engagement> resolve(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return engagements.findByTokenHash(hash(token));
    }

    /** A link replaced by a newer invitation: whose it was and when it was replaced. */
    public record Replaced(String roundKey, String consulteeId, Instant at) {}

    /** The engagement and the time, if the token is one of ours that a newer invitation replaced. */
    public Optional<Replaced> replaced(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Optional.empty();
        }
        return engagements.findRetired(hash(token))
                .map(retired -> new Replaced(retired.roundKey(), retired.consulteeId(), retired.retiredAt()));
    }

    /**
     * Replaces the consultee's link with the next generation's, retiring the current one; call it inside the
     * transaction that sends the new invitation, holding the engagement's row. Returns the new generation.
     */
    int renew(String roundKey, String consulteeId, Instant at) {
        var generation = engagements.linkGeneration(roundKey, consulteeId) + 1;
        engagements.replaceLink(roundKey, consulteeId, generation, hash(token(roundKey, consulteeId, generation)), at);
        return generation;
    }

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
