package org.consultflow.response;

import java.util.LinkedHashMap;
import java.util.Map;

import org.consultflow.consultation.Definition;
import org.consultflow.platform.Text;

/**
 * What "Save and come back later" keeps of the form. A draft may be half-written — no answer yet, an "Other" without
 * its text, an address still being typed — so only what could never be stored or sent is refused: over-long text and
 * hidden control characters. Fields the form does not have are dropped, so a draft holds nothing a page did not offer.
 */
final class DraftFields {

    /** The longest address mail can be sent to (RFC 5321); anything longer is no address in the making. */
    private static final int MAX_EMAIL = 320;

    private DraftFields() {
    }

    record Kept(Map<String, String> fields, String savedBy, Map<String, String> problems) {

        boolean valid() {
            return problems.isEmpty();
        }
    }

    static Kept read(Definition definition, Map<String, String> form) {
        var fields = new LinkedHashMap<String, String>();
        var problems = new LinkedHashMap<String, String>();
        for (var field : ResponseFormAnswers.fields(definition)) {
            var value = ResponseFormAnswers.trimmed(form.get(field.name()));
            if (value == null) {
                // nothing chosen or typed yet; an "Other" text may still have been started
            } else if (!field.choice()) {
                keepText(value, field.name(), field.number(), fields, problems);
            } else if (ResponseFormAnswers.OTHER.equals(value) || field.question().option(value).isPresent()) {
                fields.put(field.name(), value);
            }
            var other = ResponseFormAnswers.trimmed(form.get(field.otherName()));
            if (field.choice() && field.question().other() && other != null) {
                keepText(other, field.otherName(), field.number(), fields, problems);
            }
        }
        var name = ResponseFormAnswers.trimmed(form.get(ResponseFormAnswers.NAME));
        ResponseFormAnswers.checkName(name, problems);
        if (name != null) {
            fields.put(ResponseFormAnswers.NAME, name);
        }
        var email = ResponseFormAnswers.trimmed(form.get(ResponseFormAnswers.EMAIL));
        if (email != null && (email.length() > MAX_EMAIL || Text.forbiddenCharacter(email, false) != null)) {
            problems.put(ResponseFormAnswers.EMAIL, "Enter an email address in the correct format, like name@example.com");
        } else if (email != null) {
            fields.put(ResponseFormAnswers.EMAIL, email);
        }
        return new Kept(fields, problems.containsKey(ResponseFormAnswers.NAME) ? null : name, problems);
    }

    private static void keepText(String value, String name, int number, Map<String, String> fields,
            Map<String, String> problems) {
        if (!ResponseFormAnswers.tooLong(value, name, number, problems)) {
            fields.put(name, value);
        }
    }
}
