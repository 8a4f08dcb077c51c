package org.consultflow.engagement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
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

    public String url(String roundKey, String consulteeId) {
        return settings.baseUrl() + "/respond/" + token(roundKey, consulteeId);
    }

    String token(String roundKey, String consulteeId) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(settings.secret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            var digest = mac.doFinal(Engagement.businessKey(roundKey, consulteeId).getBytes(StandardCharsets.UTF_8));
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

    static String hash(String token) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
