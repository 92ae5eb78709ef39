package org.hipaaiam.audit.ledger;

/** A record could not be made durable, or the ledger cannot be used; the caller must treat the action as failed. */
public class LedgerException extends RuntimeException {

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
