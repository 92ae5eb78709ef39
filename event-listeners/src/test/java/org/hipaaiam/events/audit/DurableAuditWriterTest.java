package org.hipaaiam.events.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DurableAuditWriterTest {

    @Test
    void durableRecordLetsTheActionProceed() {
        List<byte[]> stored = new ArrayList<>();
        AtomicInteger rollbacks = new AtomicInteger();
        DurableAuditWriter writer = new DurableAuditWriter((time, record) -> stored.add(record), rollbacks::incrementAndGet);

        assertTrue(writer.write(1L, () -> Map.of("class_uid", 3002), "LOGIN").isPresent());
        assertEquals(1, stored.size());
        assertEquals(0, rollbacks.get());
    }

    @Test
    void recordThatCannotBeMadeDurableFailsTheAction() {
        AtomicInteger rollbacks = new AtomicInteger();
        DurableAuditWriter writer = new DurableAuditWriter((time, record) -> {
            throw new IllegalStateException("fdatasync failed");
        }, rollbacks::incrementAndGet);

        assertFalse(writer.write(1L, () -> Map.of("class_uid", 3002), "LOGIN").isPresent());
        assertEquals(1, rollbacks.get());
    }

    @Test
    void recordThatCannotBeBuiltFailsTheActionToo() {
        AtomicInteger rollbacks = new AtomicInteger();
        DurableAuditWriter writer = new DurableAuditWriter((time, record) -> { }, rollbacks::incrementAndGet);

        assertFalse(writer.write(1L, () -> Map.of("ratio", 0.5d), "LOGIN").isPresent(), "floats are not canonical");
        assertEquals(1, rollbacks.get());
    }
}
