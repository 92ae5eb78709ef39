package org.hipaaiam.audit.ledger;

/**
 * The stored log contradicts what the ledger signed earlier (lost, changed or corrupted
 * records). The ledger refuses to write: appending would hide the damage.
 */
public class LedgerIntegrityException extends LedgerException {

    public LedgerIntegrityException(String message) {
        super(message);
    }
}
