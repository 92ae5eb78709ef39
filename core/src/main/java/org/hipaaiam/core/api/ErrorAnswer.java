package org.hipaaiam.core.api;

/** The body of every refusal: a stable code for programs and a reason for people. */
public record ErrorAnswer(String error, String reason) {
}
