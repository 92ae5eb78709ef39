package org.hipaaiam.logoff.policy;

import java.util.Optional;

/**
 * Which policy a session follows, decided once at sign-in and kept in a session note: a workstation class
 * (`workstation:clinical`), a client's own policy (`client:patient-portal`), or `unclassified`.
 */
public record SessionClass(Kind kind, String name) {

    public enum Kind { WORKSTATION, CLIENT, UNCLASSIFIED }

    public static final SessionClass UNCLASSIFIED = new SessionClass(Kind.UNCLASSIFIED, "unclassified");

    public static SessionClass workstation(String workstationClass) {
        return new SessionClass(Kind.WORKSTATION, workstationClass);
    }

    public static SessionClass client(String clientId) {
        return new SessionClass(Kind.CLIENT, clientId);
    }

    /** The note's text; anything unreadable (or no note) is unclassified, so the strict default applies. */
    public static SessionClass fromNote(String note) {
        if (note == null) {
            return UNCLASSIFIED;
        }
        return prefixed(note, "workstation:").map(SessionClass::workstation)
                .or(() -> prefixed(note, "client:").map(SessionClass::client))
                .orElse(UNCLASSIFIED);
    }

    public String note() {
        return switch (kind) {
            case WORKSTATION -> "workstation:" + name;
            case CLIENT -> "client:" + name;
            case UNCLASSIFIED -> name;
        };
    }

    public boolean atWorkstation() {
        return kind == Kind.WORKSTATION;
    }

    private static Optional<String> prefixed(String note, String prefix) {
        return note.startsWith(prefix) && note.length() > prefix.length() ? Optional.of(note.substring(prefix.length())) : Optional.empty();
    }
}
