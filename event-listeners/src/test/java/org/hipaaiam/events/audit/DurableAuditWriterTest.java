package org.hipaaiam.events.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DurableAuditWriterTest {

    @Test
    void durableRecordLetsTheActionProceed() {
        List<byte[]> stored = new ArrayList<>();
        AtomicInteger rollbacks = new AtomicInteger();
        DurableAuditWriter writer = new DurableAuditWriter((time, record) -> stored.add(record), rollbacks::incrementAndGet);

        assertTrue(writer.write(1L, () -> new byte[] {1}, "LOGIN"));
        assertEquals(1, stored.size());
        assertEquals(0, rollbacks.get());
    }

    @Test
    void recordThatCannotBeMadeDurableFailsTheAction() {
        AtomicInteger rollbacks = new AtomicInteger();
        DurableAuditWriter writer = new DurableAuditWriter((time, record) -> {
            throw new IllegalStateException("fdatasync failed");
        }, rollbacks::incrementAndGet);

        assertFalse(writer.write(1L, () -> new byte[] {1}, "LOGIN"));
        assertEquals(1, rollbacks.get());
    }

    @Test
    void recordThatCannotBeBuiltFailsTheActionToo() {
        AtomicInteger rollbacks = new AtomicInteger();
        DurableAuditWriter writer = new DurableAuditWriter((time, record) -> { }, rollbacks::incrementAndGet);

        assertFalse(writer.write(1L, () -> {
            throw new IllegalArgumentException("not canonical");
        }, "LOGIN"));
        assertEquals(1, rollbacks.get());
    }
}
