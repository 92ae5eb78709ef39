package org.hipaaiam.emergency.justification;

/** The user's written justification of an elevation: stored verbatim as text, never interpreted as markup. */
public final class Justification {

    public static final int MIN_CHARS = 20;
    public static final int MAX_CHARS = 4000;

    private Justification() {
    }

    /** The refusal reason, or null when the text is acceptable. */
    public static String problemWith(String text) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() < MIN_CHARS) {
            return "justification missing or shorter than " + MIN_CHARS + " characters";
        }
        if (stripped.length() > MAX_CHARS) {
            return "justification longer than " + MAX_CHARS + " characters";
        }
        return null;
    }
}
