package org.hipaaiam.events.audit;

import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Appends a record before the request may succeed. When the record cannot be built or made durable the
 * action is failed instead (the caller's rollback), so nothing succeeds without its audit record.
 */
final class DurableAuditWriter {

    private static final Logger LOG = Logger.getLogger(DurableAuditWriter.class);

    private final AuditSink sink;
    private final Runnable failAction;

    DurableAuditWriter(AuditSink sink, Runnable failAction) {
        this.sink = sink;
        this.failAction = failAction;
    }

    /** Returns whether the record is durable. */
    boolean write(long eventTimeMillis, Supplier<byte[]> record, String what) {
        try {
            sink.append(eventTimeMillis, record.get());
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit record for %s could not be made durable; the action is rolled back", what);
            failAction.run();
            return false;
        }
    }
}
