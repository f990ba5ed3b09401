package dev.tally.poll;

/**
 * Receives every poll result. Called on a poller worker thread, never the UI thread: UI listeners must
 * hop (e.g. {@code Platform.runLater}). Must not block for long; exceptions are logged and ignored.
 */
@FunctionalInterface
public interface PollListener {
    /**
     * @param outcome what this poll found
     * @param state   the account's state after it (the last good snapshot survives failures)
     */
    void onPoll(FetchOutcome outcome, AccountState state);
}
