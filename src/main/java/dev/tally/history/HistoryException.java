package dev.tally.history;

/**
 * The history file could not be opened, read or written (disk full, locked by another process for
 * longer than the busy timeout, not a Tally database, written by a newer Tally). The message names the
 * file and the reason; it never contains a key.
 */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public HistoryException(String message, Throwable cause) {
        super(message, cause);
    }

    public HistoryException(String message) {
        super(message);
    }
}
