package org.hipaaiam.events.audit;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.hipaaiam.events.audit.record.AuditSink;
import org.hipaaiam.events.audit.record.CanonicalJson;
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

    /** Returns the record once it is durable, or nothing when the action was failed instead. */
    Optional<Map<String, Object>> write(long eventTimeMillis, Supplier<Map<String, Object>> build, String what) {
        try {
            Map<String, Object> record = build.get();
            sink.append(eventTimeMillis, CanonicalJson.toBytes(record));
            return Optional.of(record);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Audit record for %s could not be made durable; the action is rolled back", what);
            failAction.run();
            return Optional.empty();
        }
    }
}
