package org.hipaaiam.emergency.elevation;

import java.util.Locale;
import java.util.Set;

/** What the clinician submitted on the break-glass form, validated: a known reason code and a written reason. */
public record ElevationRequest(String reasonCode, String reasonText, String context) {

    public static final int MIN_REASON_CHARS = 10;
    public static final int MAX_REASON_CHARS = 2000;
    public static final int MAX_CONTEXT_CHARS = 512;

    /** Refused input: the message key shown on the form and the reason recorded in the audit trail. */
    public static final class Invalid extends RuntimeException {
        private final String messageKey;

        Invalid(String messageKey, String reason) {
            super(reason, null, false, false);
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    public static ElevationRequest parse(String reasonCode, String reasonText, String context, Set<String> allowedCodes) {
        String code = reasonCode == null ? "" : reasonCode.trim().toUpperCase(Locale.ROOT);
        if (code.isEmpty()) {
            throw new Invalid("hipaaBreakGlassReasonCodeMissing", "no reason code");
        }
        if (!allowedCodes.contains(code)) {
            throw new Invalid("hipaaBreakGlassReasonCodeUnknown", "unknown reason code");
        }
        String text = reasonText == null ? "" : reasonText.strip();
        if (text.length() < MIN_REASON_CHARS) {
            throw new Invalid("hipaaBreakGlassReasonMissing", "free-text reason missing or shorter than " + MIN_REASON_CHARS + " characters");
        }
        if (text.length() > MAX_REASON_CHARS) {
            throw new Invalid("hipaaBreakGlassReasonTooLong", "free-text reason longer than " + MAX_REASON_CHARS + " characters");
        }
        String ctx = context == null ? null : context.strip();
        if (ctx != null && ctx.length() > MAX_CONTEXT_CHARS) {
            throw new Invalid("hipaaBreakGlassContextTooLong", "context longer than " + MAX_CONTEXT_CHARS + " characters");
        }
        return new ElevationRequest(code, text, ctx == null || ctx.isEmpty() ? null : ctx);
    }
}
