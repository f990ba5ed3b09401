package dev.tally.history;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Which history a caller gets: the writable file (a damaged one set aside and a fresh one started), or for
 * commands that only read it, the best readable view when it cannot be written. Problems with the file become
 * one-line notices for the front end to show. Thread-safe; every method may block on SQLite.
 */
public final class HistoryAccess implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(HistoryAccess.class.getName());

    private final Path file;
    private final Clock clock;
    private HistoryStore history;
    /** Notices not yet passed on; guards {@link #noticeSink} too. */
    private final List<String> notices = new ArrayList<>();
    private Consumer<String> noticeSink;

    public HistoryAccess(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    /**
     * The SQLite history, opened (and migrated) on first use. A damaged file is set aside and a fresh one started,
     * which is told to {@link #onNotice}. Blocking.
     *
     * @throws HistoryException when it cannot be opened, e.g. its folder is not writable
     */
    public synchronized HistoryStore writable() {
        if (history == null) {
            history = HistoryStore.openRecovering(file, clock, this::notice);
        }
        return history;
    }

    /**
     * The history for commands that only read it ({@code tally status}, {@code tally history}): {@link #writable()}
     * when it can be opened; when its folder cannot be written, the file opened read-only; when there is nothing
     * readable (no file, or a damaged one that could not be set aside), an empty history. Either way the reason
     * goes to {@link #onNotice} in one line. Blocking.
     *
     * @throws HistoryException when the file was written by a newer Tally or is not a Tally history
     */
    public synchronized HistoryStore readable() {
        if (history != null) {
            return history;
        }
        try {
            return writable();
        } catch (HistoryException e) {
            if (e.kind() != HistoryException.Kind.UNWRITABLE && e.kind() != HistoryException.Kind.DAMAGED) {
                throw e;
            }
            try {
                boolean exists = Files.isRegularFile(file);
                history = HistoryStore.openReadOnly(file);
                notice(e.getMessage() + (exists ? "; showing it read-only (nothing new is recorded)"
                        : "; there is no history to show"));
            } catch (HistoryException ro) {
                if (ro.kind() == HistoryException.Kind.NEWER || ro.kind() == HistoryException.Kind.FOREIGN) {
                    throw ro;
                }
                history = HistoryStore.empty(file);
                notice(e.getMessage() + "; showing no history");
            }
            return history;
        }
    }

    /**
     * Where one-line notices about the history file go (a damaged file set aside, a read-only folder): the
     * command line prints them, the widget shows them. Notices from before this call are passed on now; without
     * a receiver they are only logged. Any thread; {@code sink} is called on the thread that used the history.
     */
    public void onNotice(Consumer<String> sink) {
        List<String> pending;
        synchronized (notices) {
            noticeSink = sink;
            pending = List.copyOf(notices);
            notices.clear();
        }
        pending.forEach(sink);
    }

    private void notice(String text) {
        LOG.log(System.Logger.Level.WARNING, text);
        Consumer<String> sink;
        synchronized (notices) {
            sink = noticeSink;
            if (sink == null) {
                notices.add(text);
                return;
            }
        }
        sink.accept(text);
    }

    /** Closes the database if it was opened; idempotent. */
    @Override
    public synchronized void close() {
        if (history != null) {
            history.close();
            history = null;
        }
    }
}
