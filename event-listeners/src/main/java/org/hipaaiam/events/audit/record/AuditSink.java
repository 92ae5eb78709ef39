package org.hipaaiam.events.audit.record;

/** Where records go; returns only when the record is durable, throws when it could not be made durable. */
@FunctionalInterface
public interface AuditSink {

    void append(long eventTimeMillis, byte[] record);
}
