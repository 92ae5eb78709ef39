package org.hipaaiam.events.alert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertOutboxTest {

    @TempDir
    Path dir;

    private static Delivery delivery(String id) {
        return new Delivery(id, Delivery.Channel.WEBHOOK, "r-1", "{\"rule\":\"break-glass\"}".getBytes(StandardCharsets.UTF_8), 0, 0);
    }

    @Test
    void pendingDeliveriesSurviveARestart() {
        new AlertOutbox(dir).put(delivery("a-1"));
        List<Delivery> reopened = new AlertOutbox(dir).pending();
        assertEquals(1, reopened.size());
        assertArrayEquals(delivery("a-1").alertJson(), reopened.get(0).alertJson());
        assertEquals(Delivery.Channel.WEBHOOK, reopened.get(0).channel());
    }

    @Test
    void failedDeliveryStaysAndIsRetriedWithBackoffUntilAccepted() {
        AlertOutbox outbox = new AlertOutbox(dir);
        outbox.put(delivery("a-2"));
        AtomicBoolean receiverUp = new AtomicBoolean(false);
        List<String> accepted = new ArrayList<>();
        AlertDispatcher dispatcher = new AlertDispatcher(outbox, d -> {
            if (receiverUp.get()) {
                accepted.add(d.id());
            }
            return receiverUp.get();
        });

        dispatcher.deliverDue(1_000);
        Delivery waiting = outbox.pending().get(0);
        assertEquals(1, waiting.attempts());
        assertEquals(2_000, waiting.notBefore(), "first retry after 1 s");

        receiverUp.set(true);
        dispatcher.deliverDue(1_500);
        assertTrue(accepted.isEmpty(), "not before its backoff has passed");
        dispatcher.deliverDue(2_000);
        assertEquals(List.of("a-2"), accepted);
        assertTrue(outbox.pending().isEmpty());
    }
}
