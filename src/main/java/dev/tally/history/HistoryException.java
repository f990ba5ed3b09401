package dev.tally.history;

/**
 * The history file could not be opened, read or written (disk full, locked by another process for
 * longer than the busy timeout, not a Tally database, written by a newer Tally). The message names the
 * file and the reason; it never contains a key. {@link #kind()} says what kind of problem it is, so a
 * caller can choose: read the file read-only, start a fresh one, or stop.
 */
public final class HistoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The folder or the file cannot be written (permissions, read-only file system, not a folder). */
        UNWRITABLE,
        /** The file is not a SQLite database, or it is damaged or cut short. */
        DAMAGED,
        /** Written by a newer Tally: left untouched. */
        NEWER,
        /** A SQLite database, but not a Tally history. */
        FOREIGN,
        /** Anything else (busy for too long, disk full, I/O errors). */
        OTHER
    }

    private final Kind kind;

    public HistoryException(String message, Throwable cause, Kind kind) {
        super(message, cause);
        this.kind = kind;
    }

    public HistoryException(String message, Throwable cause) {
        this(message, cause, Kind.OTHER);
    }

    public HistoryException(String message, Kind kind) {
        this(message, null, kind);
    }

    public HistoryException(String message) {
        this(message, null, Kind.OTHER);
    }

    public Kind kind() {
        return kind;
    }
}
