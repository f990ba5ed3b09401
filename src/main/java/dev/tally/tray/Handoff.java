package dev.tally.tray;

import java.util.concurrent.Executor;

/** Hands tray work or a tray event to another thread; a failure there, or a refused hand-over, is logged. */
final class Handoff {
    private static final System.Logger LOG = System.getLogger(Handoff.class.getName());

    private Handoff() {
    }

    /**
     * Runs {@code r} on {@code executor}. Any thread; never throws.
     *
     * @param failed  logged (ERROR, with the exception) when {@code r} throws
     * @param refused logged (WARNING) when the executor does not take it, e.g. after shutdown
     */
    static void run(Executor executor, Runnable r, String failed, String refused) {
        try {
            executor.execute(() -> {
                try {
                    r.run();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, failed, e);
                }
            });
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, refused + ": " + e);
        }
    }
}
