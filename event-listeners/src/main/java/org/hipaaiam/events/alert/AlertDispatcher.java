package org.hipaaiam.events.alert;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Sends what waits in the outbox, oldest first, on one background thread; a failed delivery stays in the
 * outbox and is retried with exponential backoff (1 s doubling to 5 min), across restarts.
 */
public final class AlertDispatcher implements AutoCloseable {

    /** Delivers one alert; true when the receiver accepted it. */
    @FunctionalInterface
    public interface Sender {
        boolean send(Delivery delivery);
    }

    private static final Logger LOG = Logger.getLogger(AlertDispatcher.class);

    private final AlertOutbox outbox;
    private final Sender sender;
    private final Semaphore wakeUp = new Semaphore(0);
    private final Thread thread;
    private volatile boolean running = true;

    public AlertDispatcher(AlertOutbox outbox, Sender sender) {
        this.outbox = outbox;
        this.sender = sender;
        this.thread = new Thread(this::run, "hipaa-alert-dispatcher");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Something new is in the outbox. */
    public void nudge() {
        wakeUp.release();
    }

    private void run() {
        while (running) {
            try {
                deliverDue(System.currentTimeMillis());
                wakeUp.tryAcquire(1, TimeUnit.SECONDS);
                wakeUp.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("Alert outbox could not be processed; retrying", e);
            }
        }
    }

    void deliverDue(long now) {
        for (Delivery delivery : outbox.pending()) {
            if (!running || delivery.notBefore() > now) {
                continue;
            }
            boolean accepted;
            try {
                accepted = sender.send(delivery);
            } catch (RuntimeException e) {
                LOG.warnf("Alert %s via %s failed: %s", delivery.id(), delivery.channel(), e.getMessage());
                accepted = false;
            }
            if (accepted) {
                outbox.remove(delivery.id());
            } else {
                outbox.put(delivery.retryLater(now));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
