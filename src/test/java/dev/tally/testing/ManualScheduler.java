package dev.tally.testing;

import dev.tally.poll.Scheduler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** A {@link Scheduler} on a {@link ManualClock}: tasks run only inside {@link #advance}, in time order. */
public final class ManualScheduler implements Scheduler {
    private final ManualClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(Comparator.comparing((Task t) -> t.at).thenComparing(t -> t.seq));
    private long seq;

    private static final class Task {
        Instant at;
        long seq;
        Runnable run;
        boolean cancelled;
    }

    public ManualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Task t = new Task();
        t.at = clock.instant().plus(delay);
        t.seq = seq++;
        t.run = task;
        queue.add(t);
        return () -> t.cancelled = true;
    }

    /** Moves time forward by {@code d}, running every task that falls due, each at its own time. */
    public void advance(Duration d) {
        Instant end = clock.instant().plus(d);
        while (true) {
            Task next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(end)) {
                    break;
                }
                queue.poll();
            }
            if (next.cancelled) {
                continue;
            }
            if (next.at.isAfter(clock.instant())) {
                clock.set(next.at);
            }
            next.run.run();
        }
        clock.set(end);
    }

    /** When the pending (not cancelled) tasks are due, earliest first. */
    public synchronized List<Instant> pending() {
        List<Instant> out = new ArrayList<>();
        queue.stream().filter(t -> !t.cancelled).sorted(Comparator.comparing((Task t) -> t.at)).forEach(t -> out.add(t.at));
        return out;
    }
}
