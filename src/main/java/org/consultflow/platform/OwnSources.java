package org.consultflow.platform;

/**
 * The CloudEvents sources that are ConsultFlow's own (the response form, the console): only ConsultFlow can sign
 * events there, so no round may hand one to a partner system. {@code /respond} is the form's source of old.
 */
public final class OwnSources {

    public static final String PREFIX = "/consultflow/";

    private OwnSources() {
    }

    public static boolean isOwn(String source) {
        return source.startsWith(PREFIX) || source.equals("/respond");
    }
}
