package org.hipaaiam.core.server;

import java.time.Duration;
import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;
import org.keycloak.timer.TimerProvider;

/**
 * Runs a scheduled task on one node of a cluster at a time, each run's changes committed before another node may
 * start the next. Keycloak's ClusterAwareScheduledTaskRunner frees its cluster lock before it commits the task's
 * transaction and lets the lock lapse after one interval however long the task runs: another node can then run the
 * same task on state not yet committed and do the same work twice (a separation applied twice, a reminder sent twice).
 */
public final class OneNodeAtATime implements Runnable {

    private static final Logger LOG = Logger.getLogger(OneNodeAtATime.class);
    /** The lock outlives any run; a node that dies holding it delays the others by at most this long. */
    static final Duration MIN_LOCK = Duration.ofSeconds(60);

    private final KeycloakSessionFactory factory;
    private final ScheduledTask task;
    private final int lockSeconds;

    OneNodeAtATime(KeycloakSessionFactory factory, ScheduledTask task, Duration lock) {
        this.factory = factory;
        this.task = task;
        this.lockSeconds = (int) lock.toSeconds();
    }

    /** Schedules the task on this node every interval; the cluster lock keeps runs on different nodes apart. */
    public static void schedule(KeycloakSessionFactory factory, ScheduledTask task, long intervalMillis) {
        try (KeycloakSession session = factory.create()) {
            session.getProvider(TimerProvider.class).schedule(new OneNodeAtATime(factory, task, lockFor(intervalMillis)), intervalMillis,
                    task.getTaskName());
        }
    }

    /** Five intervals, at least a minute. */
    static Duration lockFor(long intervalMillis) {
        Duration fiveIntervals = Duration.ofMillis(intervalMillis).multipliedBy(5);
        return fiveIntervals.compareTo(MIN_LOCK) < 0 ? MIN_LOCK : fiveIntervals;
    }

    @Override
    public void run() {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(ClusterProvider.class)
                    .executeIfNotExecuted(task.getTaskName(), lockSeconds, () -> {
                        // The task's own transaction, committed while the lock is still held.
                        KeycloakModelUtils.runJobInTransaction(factory, task::run);
                        return null;
                    }));
        } catch (RuntimeException e) {
            // The timer thread must survive a failed run; the next interval tries again.
            LOG.errorf(e, "Scheduled task %s failed; it runs again at the next interval", task.getTaskName());
        }
    }
}
