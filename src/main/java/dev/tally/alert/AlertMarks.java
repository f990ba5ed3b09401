package dev.tally.alert;

import java.util.Optional;

/**
 * Where {@link AlertRules} keeps what has fired, so a relaunch does not announce it again: at most one
 * {@link AlertMark} per account and rule. The alert package owns this contract; the history file implements
 * it (over SQLite, next to the account's other history), so alerting itself knows nothing of how or where the
 * marks are stored.
 *
 * <p><b>Contract.</b> A mark put is found by every later {@link #find} for the same account and rule, also
 * from a new instance over the same storage (that is the point: it outlives the process), until it is
 * replaced by another {@link #put} or removed by {@link #clear}. Marks of different accounts or rules never
 * affect each other. Methods never return {@code null}.
 *
 * <p><b>Threads and blocking.</b> Implementations are thread-safe and may block on I/O (the history file:
 * disk, and up to its busy timeout when another process holds the lock); never call them from a UI thread.
 * When the marks cannot be read or written they throw an unchecked exception that says why in words (the
 * history file's: its {@code HistoryException}); {@link AlertRules} lets it through.
 */
public interface AlertMarks {
    /**
     * The mark of a rule that fired for the account and is not re-armed, if any.
     *
     * @throws IllegalArgumentException when {@code accountId} is blank
     */
    Optional<AlertMark> find(String accountId, String rule);

    /** Remembers that a rule fired, replacing any earlier mark of the same account and rule. */
    void put(AlertMark mark);

    /**
     * Forgets a rule's mark for the account (re-arms it). Does nothing when there is none.
     *
     * @throws IllegalArgumentException when {@code accountId} is blank
     */
    void clear(String accountId, String rule);
}
