package dev.tally.hooks;

import dev.tally.alert.Alert;
import dev.tally.alert.AlertRules;
import dev.tally.alert.RaisedListener;
import dev.tally.alert.Transition;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the hooks of {@code hooks.json} for what the alert rules raised: one run per hook and event, in order, on
 * one daemon thread of its own ({@code tally-hooks}), so {@link #raised} returns at once and polling never waits
 * for a hook. At most {@value #QUEUE} events wait; beyond that they are dropped with a line in the log. A hook that
 * fails, hangs (it is killed after its timeout) or cannot start is logged and the next one runs. Thread-safe.
 */
public final class HookDispatcher implements RaisedListener, AutoCloseable {
    static final int QUEUE = 100;
    private static final System.Logger LOG = System.getLogger(HookDispatcher.class.getName());

    private final HookStore store;
    private final HookRunner runner;
    private final Clock clock;
    private final ThreadPoolExecutor worker;

    public HookDispatcher(HookStore store, HookRunner runner, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread t = new Thread(r, "tally-hooks");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void raised(String provider, AlertRules.Result result) {
        List<HookEvent> events = new ArrayList<>();
        for (Alert a : result.alerts()) {
            events.add(HookEvent.of(a, provider, clock.instant()));
        }
        for (Transition t : result.transitions()) {
            events.add(HookEvent.of(t, provider, clock.instant()));
        }
        for (HookEvent e : events) {
            try {
                worker.execute(() -> runAll(e));
            } catch (RejectedExecutionException full) {
                LOG.log(System.Logger.Level.WARNING, "too many hook runs waiting; not running the hooks for {0} of {1}",
                        e.event(), e.account());
            }
        }
    }

    /** On the hooks thread. */
    private void runAll(HookEvent e) {
        HookStore.Loaded loaded = store.load();
        loaded.warning().ifPresent(w -> LOG.log(System.Logger.Level.WARNING, w));
        for (Hook h : loaded.hooks()) {
            if (h.event().equals(e.event())) {
                try {
                    runner.run(h, e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "hook " + h.describe() + " could not run: " + ex.getClass().getSimpleName());
                }
            }
        }
    }

    /** Lets waiting hook runs finish for at most {@code seconds}, then stops the thread. */
    public void close(long seconds) {
        worker.shutdown();
        try {
            if (!worker.awaitTermination(seconds, TimeUnit.SECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException ex) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(0);
    }
}
