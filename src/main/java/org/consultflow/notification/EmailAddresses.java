package org.consultflow.notification;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.consultflow.platform.Text;

/**
 * Whether an address can be mailed, decided by the same parser that will send to it ({@link InternetAddress}, strict):
 * an address accepted at definition time or on the form never fails later as malformed.
 */
public final class EmailAddresses {

    static final int MAX_LENGTH = 254;

    private EmailAddresses() {
    }

    /** Null when the address can be mailed; otherwise what is wrong, in words for the person who typed it. */
    public static String problem(String email) {
        if (email == null || email.isBlank()) {
            return "Enter an email address";
        }
        if (email.length() > MAX_LENGTH) {
            return "Enter an email address of %d characters or fewer".formatted(MAX_LENGTH);
        }
        // The parser lets anything through inside a quoted local part ("\u0000"@x, a folded line break): no address
        // people type needs quotes or backslashes, and what could not be stored or sent must not pass.
        if (Text.forbiddenCharacter(email, false) != null || email.indexOf('"') >= 0 || email.indexOf('\\') >= 0) {
            return "Enter an email address in the correct format, like name@example.com";
        }
        try {
            var address = new InternetAddress(email, true);
            address.validate();
            var bare = address.getAddress();
            // A display name ("Jo <jo@example.org>"), a group or a route is not one plain address.
            if (!bare.equals(email) || address.isGroup() || bare.indexOf('@') < 1 || !bare.substring(bare.indexOf('@')).contains(".")) {
                return "Enter an email address in the correct format, like name@example.com";
            }
        } catch (AddressException e) {
            return "Enter an email address in the correct format, like name@example.com";
        }
        return null;
    }

    public static boolean valid(String email) {
        return problem(email) == null;
    }
}
