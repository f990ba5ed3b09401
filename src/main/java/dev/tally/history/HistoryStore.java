package dev.tally.history;

import dev.tally.alert.AlertMarks;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The history file, opened: one SQLite database (WAL journal, {@code synchronous=NORMAL}, 5 s busy timeout)
 * holding, per account, every successful snapshot (one row per currency), every poll outcome, a rollup per UTC day
 * and currency (first/min/last balance, spend, top-ups; see {@link DailyRollup}) and the alert rules' state. Money is
 * stored as exact decimal text, never as REAL; times as epoch milliseconds (UTC).
 *
 * <p>This class opens the file and hands out its three jobs, which share the one connection:
 * <ul>
 *   <li>{@link #writer()}: snapshots, poll outcomes and retention (recomputing daily rollups as it writes);</li>
 *   <li>{@link #reader()}: accounts, currencies, snapshots, rollups and what spend estimates are built from;</li>
 *   <li>{@link #alertMarks()}: the alert rules' state, behind the alert package's {@link AlertMarks}.</li>
 * </ul>
 * The file's life (opening, the read-only and empty stand-ins, setting a damaged file aside, migrations) lives in
 * package-private classes behind the factories here.
 *
 * <p><b>Schema.</b> Versioned with {@code PRAGMA user_version}; {@link #open(Path)} applies the missing migrations in
 * order (v1 creates everything from an empty file) and refuses a file written by a newer Tally.
 *
 * <p><b>Threads and blocking.</b> Thread-safe: everything the store and its jobs do is serialised on one lock per
 * open file. Every method except {@link #file()}, {@link #writer()}, {@link #reader()} and {@link #alertMarks()}
 * does disk I/O and blocks; when another process (the CLI and the widget share the file) holds the write lock it
 * waits up to {@link #BUSY_TIMEOUT} and then throws {@link HistoryException}. Call it from a background thread,
 * never the FX thread. After {@link #close()} every method of the jobs throws {@link IllegalStateException}.
 */
public final class HistoryStore implements AutoCloseable {
    /** Source of a snapshot taken by the background poller. */
    public static final String SOURCE_POLL = "poll";
    /** Source of a snapshot taken by {@code tally balance}. */
    public static final String SOURCE_CLI = "cli";
    /** Raw snapshots and poll outcomes are kept this long; older days survive as folded rollups. */
    public static final Duration RAW_RETENTION = Duration.ofDays(90);
    /** How long a write waits for another process's lock before failing. */
    public static final Duration BUSY_TIMEOUT = HistoryDatabase.BUSY_TIMEOUT;
    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = HistorySchema.VERSION;

    private final HistoryDatabase db;
    private final HistoryWriter writer;
    private final HistoryReader reader;
    private final SqliteAlertMarks alertMarks;

    private HistoryStore(HistoryDatabase db) {
        this.db = db;
        this.writer = new HistoryWriter(db);
        this.reader = new HistoryReader(db);
        this.alertMarks = new SqliteAlertMarks(db);
    }

    /**
     * Opens (creating if needed, with its parent folders) the history file and brings its schema up to
     * date.
     *
     * @throws HistoryException if the file cannot be created or opened ({@link HistoryException.Kind#UNWRITABLE}),
     *                          is not a SQLite database or is damaged ({@link HistoryException.Kind#DAMAGED}),
     *                          was written by a newer Tally, or is not a Tally history
     */
    public static HistoryStore open(Path file) {
        return new HistoryStore(HistoryDatabase.open(file, null));
    }

    /**
     * Like {@link #open(Path)}, but a file that is not a SQLite database or is damaged — found when opening it or
     * later, by any read or write — is set aside as {@code <name>.corrupt-<yyyyMMdd-HHmmss>} (never replacing an
     * earlier copy; its {@code -wal} and {@code -shm} files go with it, renamed alike) and a fresh history is
     * started, as {@code accounts.json} does; {@code notices} is told in one line. A read or write that hit the
     * damage is then run again on the fresh file.
     *
     * @param notices called (on the calling thread, possibly while this store's lock is held) with each one-line
     *                notice; must not call back into the store
     * @throws HistoryException as {@link #open(Path)}; {@link HistoryException.Kind#DAMAGED} when the damaged file
     *                          could not be moved aside (it is then left untouched)
     */
    public static HistoryStore openRecovering(Path file, Clock clock, Consumer<String> notices) {
        return new HistoryStore(HistoryDatabase.open(file, new HistoryDatabase.Recovery(clock, notices)));
    }

    /**
     * Opens an existing history file for reading only, for commands that only read it when its folder cannot be
     * written (SQLite then cannot create the files it needs next to a WAL database): first read-only, then, when
     * even that needs a file it cannot create, as an immutable file. Never creates, migrates, or sets aside
     * anything. A missing or empty file reads as an empty history. Writes fail with
     * {@link HistoryException.Kind#UNWRITABLE}.
     *
     * @throws HistoryException when the file cannot be read, is damaged, or was written by a newer Tally
     */
    public static HistoryStore openReadOnly(Path file) {
        return new HistoryStore(HistoryDatabase.openReadOnly(file));
    }

    /**
     * An empty history in memory, read-only, standing in for {@code file}: what a history file that does not exist
     * yet (or cannot be read) reads as.
     */
    public static HistoryStore empty(Path file) {
        return new HistoryStore(HistoryDatabase.empty(file));
    }

    /** Writes snapshots, poll outcomes and retention. Never {@code null}; no I/O until used. */
    public HistoryWriter writer() {
        return writer;
    }

    /** Reads what is stored. Never {@code null}; no I/O until used. */
    public HistoryReader reader() {
        return reader;
    }

    /** The alert rules' state in this file, for {@code dev.tally.alert.AlertRules}. Never {@code null}. */
    public AlertMarks alertMarks() {
        return alertMarks;
    }

    /** The absolute path of the database file. */
    public Path file() {
        return db.file();
    }

    /** The schema version of the open file (always {@link #SCHEMA_VERSION} once open). */
    public int schemaVersion() {
        return db.read(c -> {
            try (Statement st = c.createStatement()) {
                return HistorySchema.userVersion(st);
            }
        });
    }

    /**
     * Closes the file (SQLite checkpoints the WAL into it when the last connection closes). Idempotent.
     */
    @Override
    public void close() {
        db.close();
    }

    @Override
    public String toString() {
        return "HistoryStore[" + db.file() + "]";
    }
}
