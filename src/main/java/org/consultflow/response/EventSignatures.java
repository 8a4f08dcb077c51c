package org.consultflow.response;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.consultflow.platform.OwnSources;
import org.consultflow.platform.PublicLinks;
import org.springframework.stereotype.Component;

/**
 * ConsultFlow's own events (the response form, the console) travel through the same broker as partner events, and a
 * producer could imitate their source. So they carry an HMAC-SHA256 over id, source and data, under a key derived
 * from the server secret that never leaves ConsultFlow; an event from one of {@link OwnSources} without a valid one is
 * refused.
 */
@Component
class EventSignatures {

    static final URI FORM = URI.create(OwnSources.PREFIX + "respond");
    static final URI CONSOLE = URI.create(OwnSources.PREFIX + "console");
    static final String EXTENSION = "cfsignature";

    private final byte[] key;

    EventSignatures(PublicLinks links) {
        this.key = hmac(links.secret().getBytes(StandardCharsets.UTF_8),
                "consultflow event signing".getBytes(StandardCharsets.UTF_8));
    }

    CloudEventBuilder sign(CloudEventBuilder event, String id, URI source, byte[] data) {
        return event.withExtension(EXTENSION, signature(id, source.toString(), data));
    }

    boolean verify(CloudEvent event) {
        var given = event.getExtension(EXTENSION);
        if (!(given instanceof String text) || event.getData() == null) {
            return false;
        }
        var expected = signature(event.getId(), event.getSource().toString(), event.getData().toBytes());
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), text.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(String id, String source, byte[] data) {
        var message = (id + "\n" + source + "\n").getBytes(StandardCharsets.UTF_8);
        var joined = new byte[message.length + data.length];
        System.arraycopy(message, 0, joined, 0, message.length);
        System.arraycopy(data, 0, joined, message.length, data.length);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(key, joined));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
