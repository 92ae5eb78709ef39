package org.hipaaiam.audit.ledger;

/** Where an appended record lives: its shard's origin and its index (leaf number) in that shard's tree. */
public record EntryPosition(String origin, long index) {
}
