package dev.tally.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The history file's life: opening it (creating it and its folders, WAL journal, {@code synchronous=NORMAL}, busy
 * timeout, {@link HistorySchema migrations}), the read-only and in-memory stand-ins, transactions, setting a damaged
 * file aside and starting afresh ({@link #open} with a {@link Recovery}), and closing. Also the one cache of the
 * {@code account} table's keys, which every transaction shares and a rollback or a fresh file forgets.
 *
 * <p><b>Threads.</b> Thread-safe: every method is serialised on this object, and {@link #read}/{@link #write} run
 * their work while holding it. Work must use only the connection it is given (a fresh file replaces it) and must not
 * keep it. A caller that needs several steps with no other thread in between holds this object's monitor
 * ({@code synchronized (db)}) around them. Every method but {@link #file()} blocks on disk I/O; a write waits up to
 * {@link #BUSY_TIMEOUT} for another process's lock.
 */
final class HistoryDatabase implements AutoCloseable {
    /** How long a write waits for another process's lock before failing. */
    static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    private final Path file;
    /** Replaced when a damaged file is set aside and a fresh one started (only with {@link Recovery}). */
    private Connection conn;
    /** Opened with {@link #openReadOnly}: every write fails with {@link HistoryException.Kind#UNWRITABLE}. */
    private final boolean readOnly;
    /** How to set a damaged file aside and whom to tell; {@code null} when a damaged file is an error. */
    private final Recovery recovery;
    /** The file's identity when opened, so a file another process already replaced is not set aside again. */
    private Object fileKey;
    private final Map<String, Long> accountIds = new HashMap<>();
    private boolean closed;

    /**
     * Setting a damaged file aside: the clock names the copy ({@code history.db.corrupt-<yyyyMMdd-HHmmss>}),
     * {@code notices} gets the one line that says so (on the calling thread, under this object's lock).
     */
    record Recovery(Clock clock, Consumer<String> notices) {
        Recovery {
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(notices, "notices");
        }
    }

    /** Work on the open connection, inside a transaction or a maintenance step. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private HistoryDatabase(Path file, Connection conn, boolean readOnly, Recovery recovery) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
        this.recovery = recovery;
        this.fileKey = HistoryFaults.fileKey(file);
    }

    /**
     * Opens (creating if needed, with its parent folders) the file and brings its schema up to date. With a
     * {@code recovery}, a file found damaged now or by any later read or write is set aside and a fresh one started.
     * See {@link HistoryStore#open} and {@link HistoryStore#openRecovering}.
     */
    static HistoryDatabase open(Path file, Recovery recovery) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            try {
                Files.createDirectories(abs.getParent());
            } catch (IOException e) {
                throw new HistoryException("cannot write the history in " + abs.getParent() + ": "
                        + HistoryFaults.whyNotWritable(abs, e), e, HistoryException.Kind.UNWRITABLE);
            }
        }
        try {
            return connect(abs, recovery);
        } catch (HistoryException e) {
            if (recovery == null || e.kind() != HistoryException.Kind.DAMAGED) {
                throw e;
            }
            Path aside = HistoryFaults.setAside(abs, recovery.clock(), e);
            HistoryDatabase fresh = connect(abs, recovery);
            recovery.notices().accept(HistoryFaults.keptAs(abs, e, aside));
            return fresh;
        }
    }

    /** An existing file for reading only, or an empty stand-in; never creates or migrates. See {@link HistoryStore#openReadOnly}. */
    static HistoryDatabase openReadOnly(Path file) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            return empty(abs);
        }
        HistoryException first = null;
        for (String mode : new String[] {"mode=ro", "immutable=1"}) {
            Connection c = null;
            try {
                c = sqlite("jdbc:sqlite:file:" + abs.toUri().getRawPath() + "?" + mode);
                int version;
                int tables;
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
                    version = HistorySchema.userVersion(st);
                    tables = HistorySchema.tableCount(st);
                }
                if (version == 0 && tables == 0) {
                    c.close();
                    return empty(abs);
                }
                HistoryDatabase db = new HistoryDatabase(abs, c, true, null);
                if (version == 0) {
                    db.closeQuietly();
                    throw HistorySchema.foreign(abs);
                }
                try {
                    HistorySchema.checkVersion(version, abs);
                } catch (HistoryException e) {
                    db.closeQuietly();
                    throw e;
                }
                if (version < HistorySchema.VERSION) {
                    db.closeQuietly();
                    throw new HistoryException("the history file " + abs + " needs an upgrade, which needs a folder "
                            + "Tally can write to", HistoryException.Kind.UNWRITABLE);
                }
                return db;
            } catch (SQLException e) {
                closeQuietly(c);
                HistoryException he = HistoryFaults.using(abs, "read", e);
                if (he.kind() == HistoryException.Kind.DAMAGED) {
                    throw he;
                }
                first = first == null ? he : first;
            }
        }
        throw first;
    }

    /** An empty read-only history in memory standing in for {@code file}. See {@link HistoryStore#empty}. */
    static HistoryDatabase empty(Path file) {
        try {
            Connection c = sqlite("jdbc:sqlite::memory:");
            HistoryDatabase db = new HistoryDatabase(file.toAbsolutePath(), c, true, null);
            HistorySchema.migrate(c, db.file);
            return db;
        } catch (SQLException e) {
            throw new HistoryException("cannot start an empty history in memory: " + e.getMessage(), e);
        }
    }

    /**
     * A connection through SQLite's driver itself: {@code DriverManager} would first look for every JDBC driver on the
     * class path (a service lookup that opens every jar), which costs a command-line start more than the opening.
     */
    private static Connection sqlite(String url) throws SQLException {
        Connection c = org.sqlite.JDBC.createConnection(url, new java.util.Properties());
        if (c == null) {
            throw new SQLException("not a SQLite address: " + url);
        }
        return c;
    }

    /** Connects to the file and migrates it; a failure closes the connection and says what kind it is. */
    private static HistoryDatabase connect(Path abs, Recovery recovery) {
        if (!HistoryFaults.looksLikeSqlite(abs)) {
            // found before SQLite opens it: closing a connection to such a file deletes its -wal and -shm,
            // which are kept aside with it
            throw new HistoryException("cannot use the history file " + abs + ": it is not a SQLite database",
                    HistoryException.Kind.DAMAGED);
        }
        Connection c;
        try {
            c = sqlite("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw HistoryFaults.opening(abs, e);
        }
        HistoryDatabase db = new HistoryDatabase(abs, c, false, recovery);
        try {
            db.configureAndMigrate();
            return db;
        } catch (SQLException e) {
            db.closeQuietly();
            throw HistoryFaults.opening(abs, e);
        } catch (RuntimeException e) {
            db.closeQuietly();
            throw e;
        }
    }

    private void configureAndMigrate() throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
            try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                rs.next();
            }
            st.execute("PRAGMA synchronous = NORMAL");
        }
        HistorySchema.migrate(conn, file);
    }

    /** The absolute path of the database file. */
    Path file() {
        return file;
    }

    /**
     * Runs {@code work} in an immediate (write-locked) transaction; rolls back on any failure. A damaged file found on
     * the way is set aside (with a {@link Recovery}) and the work run again on the fresh one.
     *
     * @throws HistoryException            when it fails ({@link HistoryException.Kind#UNWRITABLE} when opened read-only)
     * @throws IllegalStateException once closed
     */
    synchronized <T> T write(SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", "write", work);
    }

    /** Runs {@code work} in a read transaction, so multi-query reads see one consistent state. As {@link #write}. */
    synchronized <T> T read(SqlWork<T> work) {
        return transaction("BEGIN", "read", work);
    }

    /**
     * Runs {@code work} outside any transaction (e.g. {@code VACUUM}), with no recovery and no retry; its
     * {@link SQLException} is the caller's to handle.
     *
     * @throws IllegalStateException once closed
     */
    synchronized <T> T outsideTransaction(SqlWork<T> work) throws SQLException {
        requireOpen();
        return work.run(conn);
    }

    private <T> T transaction(String begin, String verb, SqlWork<T> work) {
        requireOpen();
        if (readOnly && "write".equals(verb)) {
            throw new HistoryException("cannot write the history in " + file.getParent()
                    + ": it is open read-only", HistoryException.Kind.UNWRITABLE);
        }
        try {
            try {
                return attempt(begin, work);
            } catch (SQLException | HistoryException e) {
                if (recovery == null || !HistoryFaults.damaged(e)) {
                    throw e;
                }
                recoverFromDamage(e);
                return attempt(begin, work);
            }
        } catch (SQLException e) {
            throw HistoryFaults.using(file, verb, e);
        }
    }

    private <T> T attempt(String begin, SqlWork<T> work) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(begin);
            try {
                T result = work.run(conn);
                st.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(st);
                accountIds.clear();
                throw e;
            }
        }
    }

    /**
     * A read or write found the file damaged: close it, set it aside and carry on with a fresh file. When another
     * process has already replaced the file, just reconnect to the new one. Under this object's lock.
     */
    private void recoverFromDamage(Throwable cause) throws SQLException {
        closeQuietly(conn);
        accountIds.clear();
        HistoryException why = cause instanceof SQLException s ? HistoryFaults.opening(file, s)
                : new HistoryException("cannot use the history file " + file + ": it is damaged or cut short",
                HistoryException.Kind.DAMAGED);
        Object now = HistoryFaults.fileKey(file);
        String notice = null;
        if (now != null && now.equals(fileKey)) {
            Path aside = HistoryFaults.setAside(file, recovery.clock(), why);
            notice = HistoryFaults.keptAs(file, why, aside);
        }
        conn = sqlite("jdbc:sqlite:" + file);
        fileKey = HistoryFaults.fileKey(file);
        configureAndMigrate();
        if (notice != null) {
            recovery.notices().accept(notice);
        }
    }

    /**
     * The account's key, created on first use; records the provider when given and changed. Inside a {@link #write}
     * only, with its connection.
     */
    long accountKey(Connection c, String name, String provider) throws SQLException {
        Long id = existingAccount(c, name);
        if (id == null) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (name, provider) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, provider);
                ps.executeUpdate();
            }
            id = existingAccount(c, name);
        } else if (provider != null) {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE account SET provider = ? WHERE id = ? AND provider IS NOT ?")) {
                ps.setString(1, provider);
                ps.setLong(2, id);
                ps.setString(3, provider);
                ps.executeUpdate();
            }
        }
        return Objects.requireNonNull(id);
    }

    /** The account's key, or {@code null} when nothing was ever stored for it. Inside a {@link #read} or {@link #write}. */
    Long existingAccount(Connection c, String name) throws SQLException {
        Long cached = accountIds.get(name);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM account WHERE name = ?")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    accountIds.put(name, id);
                    return id;
                }
                return null;
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the history store " + file + " is closed");
        }
    }

    /**
     * Closes the file (SQLite checkpoints the WAL into it when the last connection closes). Idempotent.
     *
     * @throws HistoryException when SQLite reports a failure closing it
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            conn.close();
        } catch (SQLException e) {
            throw new HistoryException("could not close the history file " + file + ": " + e.getMessage(), e);
        }
    }

    private void closeQuietly() {
        closed = true;
        closeQuietly(conn);
    }

    private static void closeQuietly(Connection c) {
        try {
            if (c != null) {
                c.close();
            }
        } catch (SQLException ignored) {
            // already failing with a clearer error
        }
    }

    static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // nothing to roll back: the failure already ended the transaction
        }
    }
}
