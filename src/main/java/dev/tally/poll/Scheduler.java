package dev.tally.poll;

import java.time.Duration;

/**
 * Runs a task after a delay. Injected into the {@link Poller} so tests drive time by hand.
 * Implementations must be thread-safe; tasks run on the scheduler's own thread and must be short
 * (the poller only hands work to its fetch executor from them).
 */
public interface Scheduler {

    /** A scheduled task that may be cancelled; cancelling a task that already ran does nothing. */
    interface Cancellable {
        void cancel();
    }

    Cancellable schedule(Duration delay, Runnable task);
}
