package dev.tally.history;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeptAside;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The history file: one SQLite database (WAL journal, {@code synchronous=NORMAL}, 5 s busy timeout)
 * holding, per account, every successful snapshot (one row per currency), every poll outcome, a rollup
 * per UTC day and currency (first/min/last balance, spend, top-ups; see {@link DailyRollup}) and the
 * alert rules' state. Money is stored as exact decimal text, never as REAL; times as epoch milliseconds
 * (UTC).
 *
 * <p><b>Schema.</b> Versioned with {@code PRAGMA user_version}; {@link #open(Path)} applies the missing
 * migrations in order (v1 creates everything from an empty file) and refuses a file written by a newer
 * Tally. Tables: {@code account(id, name, provider)}, {@code series(account, currency)},
 * {@code snapshot(account, currency, at, kind, total, granted, paid, assumed, available, usage, key_limit,
 * key_remaining, key_reset, spend, spend_period, spend_from, spend_to, source)},
 * {@code poll_outcome(account, at, status, message)}, {@code daily(account, currency, day, first_*, min_*,
 * last_*, samples, spend, top_up, top_ups, last_top_up_at, max_step_ms, covered_ms, flags, folded)},
 * {@code alert_state(account, rule, currency, amount, at)}. Account names are stored once and referenced
 * by a small integer, which keeps a year of 5-minute snapshots of one account in a few megabytes.
 *
 * <p><b>Rollups.</b> Every write recomputes the daily rollups it touches (normally just today's), so
 * long daily series read one row per day. {@link #applyRetention(Instant)} then only has to mark old
 * days as folded and delete their raw rows: spend estimates read folded days from their rollup and
 * stay right across the fold.
 *
 * <p><b>Threads and blocking.</b> Thread-safe: all methods are serialised on this object. Every method
 * does disk I/O and blocks; when another process (the CLI and the widget share the file) holds the
 * write lock it waits up to {@link #BUSY_TIMEOUT} and then throws {@link HistoryException}. Call it from
 * a background thread, never the FX thread. Methods never return {@code null}; "nothing stored" is an
 * empty list or {@link Optional}. After {@link #close()} every method throws {@link IllegalStateException}.
 */
public final class HistoryStore implements AutoCloseable {
    /** Source of a snapshot taken by the background poller. */
    public static final String SOURCE_POLL = "poll";
    /** Source of a snapshot taken by {@code tally balance}. */
    public static final String SOURCE_CLI = "cli";
    /** Raw snapshots and poll outcomes are kept this long; older days survive as folded rollups. */
    public static final Duration RAW_RETENTION = Duration.ofDays(90);
    /** How long a write waits for another process's lock before failing. */
    public static final Duration BUSY_TIMEOUT = Duration.ofSeconds(5);

    private static final int KIND_BALANCE = 1;
    private static final int KIND_KEY_LIMIT = 2;
    private static final int KIND_SPEND = 4;
    private static final int F_MIXED = 1;
    private static final int F_RESET = 2;
    private static final int F_ESTIMATED = 4;
    private static final int F_REPORTED = 8;
    private static final int F_UNKNOWN = 16;
    /** A stored row the estimator can use: it has a balance or a usage figure. */
    private static final String IS_POINT = "((kind & 1) = 1 OR usage IS NOT NULL)";
    private static final String DAILY_COLUMNS = "day, first_at, first_total, first_usage, min_at, min_total, last_at, "
            + "last_total, last_usage, samples, spend, top_up, top_ups, last_top_up_at, max_step_ms, covered_ms, flags, "
            + "folded";

    /** Ordered migrations: entry {@code i} brings the schema from version {@code i} to {@code i + 1}. */
    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE account (
              id INTEGER PRIMARY KEY,
              name TEXT NOT NULL UNIQUE,
              provider TEXT
            )""",
            """
            CREATE TABLE series (
              account INTEGER NOT NULL REFERENCES account(id),
              currency TEXT NOT NULL,
              PRIMARY KEY (account, currency)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE snapshot (
              account INTEGER NOT NULL REFERENCES account(id),
              currency TEXT NOT NULL,
              at INTEGER NOT NULL,
              kind INTEGER NOT NULL,
              total TEXT,
              granted TEXT,
              paid TEXT,
              assumed INTEGER,
              available INTEGER,
              usage TEXT,
              key_limit TEXT,
              key_remaining TEXT,
              key_reset TEXT,
              spend TEXT,
              spend_period TEXT,
              spend_from INTEGER,
              spend_to INTEGER,
              source TEXT,
              PRIMARY KEY (account, currency, at)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE poll_outcome (
              account INTEGER NOT NULL REFERENCES account(id),
              at INTEGER NOT NULL,
              status TEXT NOT NULL,
              message TEXT,
              PRIMARY KEY (account, at)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE daily (
              account INTEGER NOT NULL REFERENCES account(id),
              currency TEXT NOT NULL,
              day TEXT NOT NULL,
              first_at INTEGER NOT NULL,
              first_total TEXT,
              first_usage TEXT,
              min_at INTEGER,
              min_total TEXT,
              last_at INTEGER NOT NULL,
              last_total TEXT,
              last_usage TEXT,
              samples INTEGER NOT NULL,
              spend TEXT NOT NULL,
              top_up TEXT NOT NULL,
              top_ups INTEGER NOT NULL,
              last_top_up_at INTEGER,
              max_step_ms INTEGER NOT NULL,
              covered_ms INTEGER NOT NULL,
              flags INTEGER NOT NULL,
              folded INTEGER NOT NULL DEFAULT 0,
              PRIMARY KEY (account, currency, day)
            ) WITHOUT ROWID""",
            """
            CREATE TABLE alert_state (
              account INTEGER NOT NULL REFERENCES account(id),
              rule TEXT NOT NULL,
              currency TEXT,
              amount TEXT,
              at INTEGER NOT NULL,
              PRIMARY KEY (account, rule)
            ) WITHOUT ROWID"""));

    /** The schema version this code writes. */
    public static final int SCHEMA_VERSION = MIGRATIONS.size();

    private static final System.Logger LOG = System.getLogger(HistoryStore.class.getName());

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
     * {@code notices} gets the one line that says so.
     */
    private record Recovery(Clock clock, Consumer<String> notices) {
    }

    private HistoryStore(Path file, Connection conn, boolean readOnly, Recovery recovery) {
        this.file = file;
        this.conn = conn;
        this.readOnly = readOnly;
        this.recovery = recovery;
        this.fileKey = fileKey(file);
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
        return open(file, null);
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
        return open(file, new Recovery(Objects.requireNonNull(clock, "clock"), Objects.requireNonNull(notices, "notices")));
    }

    private static HistoryStore open(Path file, Recovery recovery) {
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        if (abs.getParent() != null) {
            try {
                Files.createDirectories(abs.getParent());
            } catch (IOException e) {
                throw new HistoryException("cannot write the history in " + abs.getParent() + ": "
                        + whyNotWritable(abs, e), e, HistoryException.Kind.UNWRITABLE);
            }
        }
        try {
            return connect(abs, recovery);
        } catch (HistoryException e) {
            if (recovery == null || e.kind() != HistoryException.Kind.DAMAGED) {
                throw e;
            }
            Path aside = setAside(abs, recovery.clock(), e);
            HistoryStore fresh = connect(abs, recovery);
            recovery.notices().accept(keptAs(abs, e, aside));
            return fresh;
        }
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
        Objects.requireNonNull(file, "file");
        Path abs = file.toAbsolutePath();
        if (!Files.isRegularFile(abs)) {
            return empty(abs);
        }
        HistoryException first = null;
        for (String mode : new String[] {"mode=ro", "immutable=1"}) {
            Connection c = null;
            try {
                c = DriverManager.getConnection("jdbc:sqlite:file:" + abs.toUri().getRawPath() + "?" + mode);
                int version;
                int tables;
                try (Statement st = c.createStatement()) {
                    st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT.toMillis());
                    version = userVersion(st);
                    tables = tableCount(st);
                }
                if (version == 0 && tables == 0) {
                    c.close();
                    return empty(abs);
                }
                HistoryStore store = new HistoryStore(abs, c, true, null);
                if (version == 0) {
                    store.closeQuietly();
                    throw new HistoryException("the file " + abs + " is a SQLite database but not a Tally history file",
                            HistoryException.Kind.FOREIGN);
                }
                try {
                    store.checkVersion(version);
                } catch (HistoryException e) {
                    store.closeQuietly();
                    throw e;
                }
                if (version < SCHEMA_VERSION) {
                    store.closeQuietly();
                    throw new HistoryException("the history file " + abs + " needs an upgrade, which needs a folder "
                            + "Tally can write to", HistoryException.Kind.UNWRITABLE);
                }
                return store;
            } catch (SQLException e) {
                closeQuietly(c);
                HistoryException.Kind kind = kindOf(e);
                HistoryException he = new HistoryException("cannot read the history file " + abs + ": "
                        + (kind == HistoryException.Kind.DAMAGED ? damage(e) : e.getMessage()), e, kind);
                if (kind == HistoryException.Kind.DAMAGED) {
                    throw he;
                }
                first = first == null ? he : first;
            }
        }
        throw first;
    }

    /**
     * An empty history in memory, read-only, standing in for {@code file}: what a history file that does not exist
     * yet (or cannot be read) reads as.
     */
    public static HistoryStore empty(Path file) {
        try {
            Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
            HistoryStore store = new HistoryStore(file.toAbsolutePath(), c, true, null);
            store.migrate();
            return store;
        } catch (SQLException e) {
            throw new HistoryException("cannot start an empty history in memory: " + e.getMessage(), e);
        }
    }

    /** Connects to the file and migrates it; a failure closes the connection and says what kind it is. */
    private static HistoryStore connect(Path abs, Recovery recovery) {
        if (!looksLikeSqlite(abs)) {
            // found before SQLite opens it: closing a connection to such a file deletes its -wal and -shm,
            // which are kept aside with it
            throw new HistoryException("cannot use the history file " + abs + ": it is not a SQLite database",
                    HistoryException.Kind.DAMAGED);
        }
        Connection c;
        try {
            c = DriverManager.getConnection("jdbc:sqlite:" + abs);
        } catch (SQLException e) {
            throw opening(abs, e);
        }
        HistoryStore store = new HistoryStore(abs, c, false, recovery);
        try {
            store.configureAndMigrate();
            return store;
        } catch (SQLException e) {
            store.closeQuietly();
            throw opening(abs, e);
        } catch (RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
    }

    /** A failure to open or set up the file, in words. */
    private static HistoryException opening(Path abs, SQLException e) {
        HistoryException.Kind kind = kindOf(e);
        return switch (kind) {
            case UNWRITABLE -> new HistoryException("cannot write the history in " + abs.getParent() + ": "
                    + whyNotWritable(abs, null).replace(CANNOT_CREATE, CANNOT_CREATE + " (" + code(e) + ")"), e, kind);
            case DAMAGED -> new HistoryException("cannot use the history file " + abs + ": " + damage(e), e, kind);
            default -> new HistoryException("cannot use the history file " + abs + ": " + e.getMessage(), e, kind);
        };
    }

    /** True for a missing or empty file, or one that starts with SQLite's header; unreadable ones are left to SQLite. */
    private static boolean looksLikeSqlite(Path file) {
        byte[] magic = "SQLite format 3\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (var in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(magic.length);
            return head.length == 0 || java.util.Arrays.equals(head, magic);
        } catch (IOException e) {
            return true;
        }
    }

    /** SQLite's primary result code, in the kinds callers act on. */
    private static HistoryException.Kind kindOf(SQLException e) {
        return switch (e.getErrorCode() & 0xff) {
            case 3, 8, 14, 23 -> HistoryException.Kind.UNWRITABLE; // PERM, READONLY*, CANTOPEN, AUTH
            case 11, 26 -> HistoryException.Kind.DAMAGED; // CORRUPT, NOTADB
            default -> HistoryException.Kind.OTHER;
        };
    }

    private static boolean damaged(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HistoryException h && h.kind() == HistoryException.Kind.DAMAGED
                    || c instanceof SQLException s && kindOf(s) == HistoryException.Kind.DAMAGED) {
                return true;
            }
        }
        return false;
    }

    private static String damage(SQLException e) {
        return (e.getErrorCode() & 0xff) == 26 ? "it is not a SQLite database" : "it is damaged or cut short (" + code(e) + ")";
    }

    /** {@code SQLITE_CANTOPEN} out of sqlite-jdbc's "[SQLITE_CANTOPEN] Unable to open ..." text. */
    private static String code(SQLException e) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\[(SQLITE_[A-Z_]+)]").matcher(String.valueOf(e.getMessage()));
        return m.find() ? m.group(1) : "SQLite error " + e.getErrorCode();
    }

    private static final String CANNOT_CREATE = "SQLite cannot create its files there";

    /** Why the history's folder or file cannot be written, in words a user can act on. */
    private static String whyNotWritable(Path file, IOException e) {
        Path folder = file.getParent();
        Path existing = folder;
        while (existing != null && !Files.exists(existing, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        if (e instanceof java.nio.file.AccessDeniedException || existing != null && !Files.isWritable(existing)) {
            return "the folder is not writable (permission denied)";
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            return "the file " + file.getFileName() + " is read-only";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e != null ? e.toString() : CANNOT_CREATE;
    }

    /** The file's identity (inode; its creation time where there are none), or {@code null} when it does not exist. */
    private static Object fileKey(Path file) {
        try {
            var attrs = Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return attrs.fileKey() != null ? attrs.fileKey() : attrs.creationTime();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Moves a damaged file aside as {@code <name>.corrupt-<stamp>} (with {@code -2}, {@code -3}... rather than
     * replacing an earlier copy), with its {@code -wal} and {@code -shm}. The connection must be closed.
     *
     * @throws HistoryException ({@link HistoryException.Kind#DAMAGED}) when it cannot be moved; it is then untouched
     */
    private static Path setAside(Path abs, Clock clock, HistoryException why) {
        Path aside = KeptAside.name(abs, clock.instant(), "-wal", "-shm");
        try {
            Files.move(abs, aside);
        } catch (IOException e) {
            throw new HistoryException(abs + " could not be read (" + reason(why) + ") and could not be moved aside ("
                    + whyNotWritable(abs, e) + "); it is left untouched and nothing is recorded", e,
                    HistoryException.Kind.DAMAGED);
        }
        for (String suffix : new String[] {"-wal", "-shm"}) {
            Path side = abs.resolveSibling(abs.getFileName() + suffix);
            try {
                if (Files.exists(side, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.move(side, aside.resolveSibling(aside.getFileName() + suffix));
                }
            } catch (IOException e) {
                // a journal left behind would be replayed into the fresh file: better no fresh file than a mix
                throw new HistoryException(abs + " was moved aside as " + aside.getFileName() + " but its " + suffix
                        + " file could not be (" + whyNotWritable(abs, e) + ")", e, HistoryException.Kind.DAMAGED);
            }
        }
        LOG.log(System.Logger.Level.WARNING, "damaged history file " + abs + " kept as " + aside.getFileName());
        return aside;
    }

    /** The one line a user sees after a damaged file was set aside. */
    private static String keptAs(Path abs, HistoryException why, Path aside) {
        return abs + " could not be read (" + reason(why) + "); it was kept as " + aside.getFileName()
                + " and a fresh history was started";
    }

    /** "it is not a SQLite database" out of "cannot use the history file X: it is not a SQLite database". */
    private static String reason(HistoryException e) {
        String m = String.valueOf(e.getMessage());
        int i = m.lastIndexOf(": ");
        return i < 0 ? m : m.substring(i + 2);
    }

    /**
     * A read or write found the file damaged: close it, set it aside and carry on with a fresh file. When another
     * process has already replaced the file, just reconnect to the new one. Inside the store's lock.
     */
    private void recoverFromDamage(Throwable cause) throws SQLException {
        closeQuietly(conn);
        accountIds.clear();
        HistoryException why = cause instanceof SQLException s ? opening(file, s)
                : new HistoryException("cannot use the history file " + file + ": it is damaged or cut short",
                HistoryException.Kind.DAMAGED);
        Object now = fileKey(file);
        String notice = null;
        if (now != null && now.equals(fileKey)) {
            Path aside = setAside(file, recovery.clock(), why);
            notice = keptAs(file, why, aside);
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        conn = c;
        fileKey = fileKey(file);
        configureAndMigrate();
        if (notice != null) {
            recovery.notices().accept(notice);
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
        migrate();
    }

    private void migrate() throws SQLException {
        try (Statement st = conn.createStatement()) {
            int version = userVersion(st);
            checkVersion(version);
            if (version == SCHEMA_VERSION) {
                return;
            }
            if (version == 0 && tableCount(st) > 0) {
                throw new HistoryException("the file " + file + " is a SQLite database but not a Tally history file",
                        HistoryException.Kind.FOREIGN);
            }
            st.execute("BEGIN IMMEDIATE");
            try {
                // another process may have migrated while we waited for the lock
                version = userVersion(st);
                checkVersion(version);
                for (int v = version; v < SCHEMA_VERSION; v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + (v + 1));
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(st);
                throw e;
            }
        }
    }

    private void checkVersion(int version) {
        if (version > SCHEMA_VERSION) {
            throw new HistoryException("the history file " + file + " was written by a newer Tally (schema v" + version
                    + "); this version understands up to v" + SCHEMA_VERSION + ". Update Tally or move the file away.",
                    HistoryException.Kind.NEWER);
        }
    }

    private static int userVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int tableCount(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    /** The absolute path of the database file. */
    public Path file() {
        return file;
    }

    /** The schema version of the open file (always {@link #SCHEMA_VERSION} once open). */
    public synchronized int schemaVersion() {
        return read(() -> {
            try (Statement st = conn.createStatement()) {
                return userVersion(st);
            }
        });
    }

    // ------------------------------------------------------------------ writes

    /** Stores a snapshot fetched by the poller. See {@link #recordSnapshots(String, List, String)}. */
    public synchronized void recordSnapshot(String accountId, BalanceSnapshot snapshot) {
        recordSnapshots(accountId, List.of(snapshot), SOURCE_POLL);
    }

    /** Stores one snapshot. See {@link #recordSnapshots(String, List, String)}. */
    public synchronized void recordSnapshot(String accountId, BalanceSnapshot snapshot, String source) {
        recordSnapshots(accountId, List.of(snapshot), source);
    }

    /**
     * Stores successful snapshots in one transaction (the batch form is for imports and benchmarks): one
     * row per currency that appears in a balance, the key limit or the spend report, at the snapshot's
     * {@code fetchedAt}. A second snapshot of the same account, currency and millisecond replaces the
     * first. A snapshot falling on a day that retention has already folded is ignored (that day's summary
     * is final). Recomputes the daily rollups the new rows touch.
     *
     * @param source who fetched them, e.g. {@link #SOURCE_POLL} or {@link #SOURCE_CLI}
     */
    public synchronized void recordSnapshots(String accountId, List<BalanceSnapshot> snapshots, String source) {
        requireAccountId(accountId);
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(source, "source");
        if (snapshots.isEmpty()) {
            return;
        }
        List<BalanceSnapshot> sorted = snapshots.stream()
                .sorted(Comparator.comparing(BalanceSnapshot::fetchedAt)).toList();
        write(() -> {
            long account = accountKey(accountId, sorted.getLast().provider().value());
            Map<String, Instant[]> touched = new TreeMap<>();
            Map<String, String> foldedUpTo = new HashMap<>();
            try (PreparedStatement ins = conn.prepareStatement("""
                    INSERT OR REPLACE INTO snapshot (account, currency, at, kind, total, granted, paid, assumed, available,
                      usage, key_limit, key_remaining, key_reset, spend, spend_period, spend_from, spend_to, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (BalanceSnapshot s : sorted) {
                    for (Row r : rowsOf(s)) {
                        String folded = foldedUpTo.computeIfAbsent(r.currency, cur -> lastFoldedDay(account, cur));
                        if (folded != null && day(s.fetchedAt()).compareTo(folded) <= 0) {
                            continue;
                        }
                        bindRow(ins, account, s, r, source);
                        ins.addBatch();
                        touched.merge(r.currency, new Instant[]{s.fetchedAt(), s.fetchedAt()},
                                (a, b) -> new Instant[]{a[0], b[1]});
                    }
                }
                ins.executeBatch();
            }
            for (Map.Entry<String, Instant[]> e : touched.entrySet()) {
                ensureSeries(account, e.getKey());
                rebuildRollups(account, e.getKey(), e.getValue()[0], e.getValue()[1]);
            }
            return null;
        });
    }

    /**
     * Stores the outcome of one poll (successful or not). A second outcome at the same millisecond
     * replaces the first.
     *
     * @param message human-readable, never a key; {@code null} for {@code ok}
     */
    public synchronized void recordOutcome(String accountId, Instant at, AccountStatus status, String message) {
        requireAccountId(accountId);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        write(() -> {
            long account = accountKey(accountId, null);
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR REPLACE INTO poll_outcome (account, at, status, message) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, account);
                ps.setLong(2, at.toEpochMilli());
                ps.setString(3, status.jsonName());
                ps.setString(4, message);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Folds whole UTC days older than {@link #RAW_RETENTION} before {@code now}: their daily rollups are
     * marked folded and kept for good, their raw snapshots and poll outcomes are deleted, and the freed
     * space is given back to the file system.
     */
    public synchronized RetentionResult applyRetention(Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate cutoffDay = LocalDate.ofInstant(now.minus(RAW_RETENTION), ZoneOffset.UTC);
        long cutoffMillis = cutoffDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        RetentionResult result = write(() -> {
            int folded;
            int snapshots;
            int outcomes;
            try (PreparedStatement ps = conn.prepareStatement("UPDATE daily SET folded = 1 WHERE folded = 0 AND day < ?")) {
                ps.setString(1, cutoffDay.toString());
                folded = ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM snapshot WHERE at < ?")) {
                ps.setLong(1, cutoffMillis);
                snapshots = ps.executeUpdate();
            }
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM poll_outcome WHERE at < ?")) {
                ps.setLong(1, cutoffMillis);
                outcomes = ps.executeUpdate();
            }
            return new RetentionResult(folded, snapshots, outcomes);
        });
        if (result.removedSnapshots() > 0 || result.removedOutcomes() > 0) {
            compactIfWorthIt();
        }
        return result;
    }

    /**
     * Rewrites the file when more than a quarter of it is free pages, so deleting old rows gives space
     * back. Best effort: when another process is using the file the space is simply reused later.
     */
    private void compactIfWorthIt() {
        try (Statement st = conn.createStatement()) {
            long free;
            long pages;
            try (ResultSet rs = st.executeQuery("PRAGMA freelist_count")) {
                rs.next();
                free = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("PRAGMA page_count")) {
                rs.next();
                pages = rs.getLong(1);
            }
            if (free * 4 > pages) {
                st.execute("VACUUM");
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.INFO, "history file " + file + " not compacted now: " + e.getMessage());
        }
    }

    /** Remembers that an alert rule fired (replacing any earlier mark of the same rule). */
    public synchronized void putAlertMark(AlertMark mark) {
        Objects.requireNonNull(mark, "mark");
        write(() -> {
            long account = accountKey(mark.accountId(), null);
            try (PreparedStatement ps = conn.prepareStatement(
                    "INSERT OR REPLACE INTO alert_state (account, rule, currency, amount, at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, account);
                ps.setString(2, mark.rule());
                ps.setString(3, mark.currency());
                ps.setString(4, text(mark.amount()));
                ps.setLong(5, mark.at().toEpochMilli());
                ps.executeUpdate();
            }
            return null;
        });
    }

    /** Forgets an alert rule's mark (re-arms it). Does nothing when there is none. */
    public synchronized void clearAlertMark(String accountId, String rule) {
        requireAccountId(accountId);
        Objects.requireNonNull(rule, "rule");
        write(() -> {
            Long account = existingAccount(accountId);
            if (account != null) {
                try (PreparedStatement ps = conn.prepareStatement("DELETE FROM alert_state WHERE account = ? AND rule = ?")) {
                    ps.setLong(1, account);
                    ps.setString(2, rule);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    // ------------------------------------------------------------------ reads

    /** The mark of an alert rule that fired and is not re-armed, if any. */
    public synchronized Optional<AlertMark> alertMark(String accountId, String rule) {
        requireAccountId(accountId);
        Objects.requireNonNull(rule, "rule");
        return read(() -> {
            Long account = existingAccount(accountId);
            if (account == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT currency, amount, at FROM alert_state WHERE account = ? AND rule = ?")) {
                ps.setLong(1, account);
                ps.setString(2, rule);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new AlertMark(accountId, rule, rs.getString(1), decimal(rs.getString(2)),
                            Instant.ofEpochMilli(rs.getLong(3))));
                }
            }
        });
    }

    /** Every account that has anything stored, by name. */
    public synchronized List<String> accounts() {
        return read(() -> {
            List<String> out = new ArrayList<>();
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM account ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Every currency ever stored for the account, sorted by code. */
    public synchronized List<String> currencies(String accountId) {
        requireAccountId(accountId);
        return read(() -> {
            Long account = existingAccount(accountId);
            List<String> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT currency FROM series WHERE account = ? ORDER BY currency")) {
                ps.setLong(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Raw snapshot rows with {@code from <= at <= to}, by time then currency. Folded days have no raw
     * rows any more; read them with {@link #dailyRollups}.
     *
     * @param currency one ISO code, or {@code null} for all currencies
     */
    public synchronized List<SnapshotRow> snapshots(String accountId, String currency, Instant from, Instant to) {
        requireAccountId(accountId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return read(() -> {
            Long account = existingAccount(accountId);
            List<SnapshotRow> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            String sql = "SELECT currency, at, kind, total, granted, paid, available, usage, source FROM snapshot "
                    + "WHERE account = ? AND at >= ? AND at <= ?" + (currency == null ? "" : " AND currency = ?")
                    + " ORDER BY at, currency";
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                ps.setLong(1, account);
                ps.setLong(2, from.toEpochMilli());
                ps.setLong(3, to.toEpochMilli());
                if (currency != null) {
                    ps.setString(4, currency);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        boolean balance = (rs.getInt(3) & KIND_BALANCE) != 0;
                        out.add(new SnapshotRow(accountId, rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)),
                                balance ? decimal(rs.getString(4)) : null, decimal(rs.getString(5)),
                                decimal(rs.getString(6)), bool(rs, 7), decimal(rs.getString(8)), rs.getString(9)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * What the estimator needs for one currency over {@code [from, to]}, in time order: the last state
     * before the window (the baseline), every folded day of the window as its {@link DailyRollup}, and
     * every raw snapshot in the window as a {@link BalancePoint}.
     */
    public synchronized List<Observation> observations(String accountId, String currency, Instant from, Instant to) {
        requireAccountId(accountId);
        Objects.requireNonNull(currency, "currency");
        return read(() -> {
            Long account = existingAccount(accountId);
            List<Observation> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            List<DailyRollup> folded = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + DAILY_COLUMNS
                    + " FROM daily WHERE account = ? AND currency = ? AND folded = 1 AND day >= ? AND day <= ? ORDER BY day")) {
                ps.setLong(1, account);
                ps.setString(2, currency);
                ps.setString(3, day(from));
                ps.setString(4, day(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        folded.add(rollup(rs));
                    }
                }
            }
            Instant bound = folded.isEmpty() || from.isBefore(folded.getFirst().firstAt()) ? from : folded.getFirst().firstAt();
            BalancePoint baseline = stateBefore(account, currency, bound);
            if (baseline != null) {
                out.add(baseline);
            }
            out.addAll(folded);
            out.addAll(points(account, currency, from.toEpochMilli(), to.toEpochMilli() + 1));
            return out;
        });
    }

    /**
     * The provider-reported spend figures of one currency with {@code from <= at <= to}, in time order (spend-only
     * providers; see {@link SpendPoint}). Raw rows only: after {@link #RAW_RETENTION} they are gone.
     */
    public synchronized List<SpendPoint> spendReports(String accountId, String currency, Instant from, Instant to) {
        requireAccountId(accountId);
        Objects.requireNonNull(currency, "currency");
        return read(() -> {
            Long account = existingAccount(accountId);
            List<SpendPoint> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT at, spend, spend_period, spend_from FROM snapshot "
                    + "WHERE account = ? AND currency = ? AND (kind & " + KIND_SPEND + ") <> 0 AND spend IS NOT NULL "
                    + "AND at >= ? AND at <= ? ORDER BY at")) {
                ps.setLong(1, account);
                ps.setString(2, currency);
                ps.setLong(3, from.toEpochMilli());
                ps.setLong(4, to.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SpendPoint(Instant.ofEpochMilli(rs.getLong(1)), decimal(rs.getString(2)),
                                rs.getString(3), instant(rs, 4)));
                    }
                }
            }
            return out;
        });
    }

    /** The stored daily rollups (folded or not) of one currency for the UTC dates {@code from..to}. */
    public synchronized List<DailyRollup> dailyRollups(String accountId, String currency, LocalDate from, LocalDate to) {
        requireAccountId(accountId);
        Objects.requireNonNull(currency, "currency");
        return read(() -> {
            Long account = existingAccount(accountId);
            List<DailyRollup> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT " + DAILY_COLUMNS
                    + " FROM daily WHERE account = ? AND currency = ? AND day >= ? AND day <= ? ORDER BY day")) {
                ps.setLong(1, account);
                ps.setString(2, currency);
                ps.setString(3, clamp(from).toString());
                ps.setString(4, clamp(to).toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rollup(rs));
                    }
                }
            }
            return out;
        });
    }

    /**
     * The last successful snapshot of the account, rebuilt from its rows (balances, key limit, spend
     * report, availability). When retention has removed every raw row, the last folded day's closing
     * balances stand in (balances only). Empty when nothing was ever stored.
     */
    public synchronized Optional<BalanceSnapshot> lastSnapshot(String accountId) {
        requireAccountId(accountId);
        return read(() -> {
            Long account = existingAccount(accountId);
            if (account == null) {
                return Optional.empty();
            }
            String provider = provider(account);
            if (provider == null) {
                return Optional.empty();
            }
            List<String> currencies = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT currency FROM series WHERE account = ?")) {
                ps.setLong(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        currencies.add(rs.getString(1));
                    }
                }
            }
            long latest = Long.MIN_VALUE;
            for (String cur : currencies) {
                try (PreparedStatement ps = conn.prepareStatement(
                        "SELECT max(at) FROM snapshot WHERE account = ? AND currency = ?")) {
                    ps.setLong(1, account);
                    ps.setString(2, cur);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getObject(1) != null) {
                            latest = Math.max(latest, rs.getLong(1));
                        }
                    }
                }
            }
            if (latest == Long.MIN_VALUE) {
                return lastFoldedSnapshot(account, provider, currencies);
            }
            List<CurrencyBalance> balances = new ArrayList<>();
            KeyLimit keyLimit = null;
            SpendReport spend = null;
            Boolean available = null;
            try (PreparedStatement ps = conn.prepareStatement("""
                    SELECT currency, kind, total, granted, paid, assumed, available, usage, key_limit, key_remaining,
                      key_reset, spend, spend_period, spend_from, spend_to
                    FROM snapshot WHERE account = ? AND currency = ? AND at = ?""")) {
                for (String cur : currencies) {
                    ps.setLong(1, account);
                    ps.setString(2, cur);
                    ps.setLong(3, latest);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            continue;
                        }
                        int kind = rs.getInt(2);
                        available = bool(rs, 7);
                        if ((kind & KIND_BALANCE) != 0) {
                            balances.add(new CurrencyBalance(cur, decimal(rs.getString(3)), decimal(rs.getString(4)),
                                    decimal(rs.getString(5)), rs.getInt(6) == 1));
                        }
                        if ((kind & KIND_KEY_LIMIT) != 0) {
                            keyLimit = new KeyLimit(cur, decimal(rs.getString(9)), decimal(rs.getString(10)),
                                    decimal(rs.getString(8)), rs.getString(11));
                        }
                        if ((kind & KIND_SPEND) != 0) {
                            spend = new SpendReport(new Money(decimal(rs.getString(12)), cur), rs.getString(13),
                                    instant(rs, 14), instant(rs, 15));
                        }
                    }
                }
            }
            return Optional.of(new BalanceSnapshot(ProviderId.of(provider), Instant.ofEpochMilli(latest), available,
                    balances, spend, keyLimit));
        });
    }

    /** The most recent poll outcome of the account, if any. */
    public synchronized Optional<PollOutcome> lastOutcome(String accountId) {
        requireAccountId(accountId);
        return read(() -> {
            Long account = existingAccount(accountId);
            if (account == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT at, status, message FROM poll_outcome WHERE account = ? ORDER BY at DESC LIMIT 1")) {
                ps.setLong(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PollOutcome(accountId, Instant.ofEpochMilli(rs.getLong(1)),
                            AccountStatus.fromJsonName(rs.getString(2)), rs.getString(3)));
                }
            }
        });
    }

    /**
     * Closes the file (SQLite checkpoints the WAL into it when the last connection closes). Idempotent.
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

    // ------------------------------------------------------------------ internals

    private record Row(String currency, int kind, CurrencyBalance balance, KeyLimit keyLimit, SpendReport spend) {
    }

    private static List<Row> rowsOf(BalanceSnapshot s) {
        Map<String, Row> rows = new TreeMap<>();
        for (CurrencyBalance b : s.balances()) {
            rows.put(b.currency(), new Row(b.currency(), KIND_BALANCE, b, null, null));
        }
        if (s.keyLimit() != null) {
            KeyLimit k = s.keyLimit();
            rows.merge(k.currency(), new Row(k.currency(), KIND_KEY_LIMIT, null, k, null),
                    (a, b) -> new Row(a.currency, a.kind | b.kind, a.balance, b.keyLimit, a.spend));
        }
        if (s.spend() != null) {
            String cur = s.spend().amount().currency();
            rows.merge(cur, new Row(cur, KIND_SPEND, null, null, s.spend()),
                    (a, b) -> new Row(a.currency, a.kind | b.kind, a.balance, a.keyLimit, b.spend));
        }
        return List.copyOf(rows.values());
    }

    private static void bindRow(PreparedStatement ps, long account, BalanceSnapshot s, Row r, String source)
            throws SQLException {
        ps.setLong(1, account);
        ps.setString(2, r.currency);
        ps.setLong(3, s.fetchedAt().toEpochMilli());
        ps.setInt(4, r.kind);
        ps.setString(5, r.balance == null ? null : text(r.balance.total()));
        ps.setString(6, r.balance == null ? null : text(r.balance.granted()));
        ps.setString(7, r.balance == null ? null : text(r.balance.paid()));
        setNullableInt(ps, 8, r.balance == null ? null : (r.balance.currencyAssumed() ? 1 : 0));
        setNullableInt(ps, 9, s.available() == null ? null : (s.available() ? 1 : 0));
        ps.setString(10, r.keyLimit == null ? null : text(r.keyLimit.usage()));
        ps.setString(11, r.keyLimit == null ? null : text(r.keyLimit.limit()));
        ps.setString(12, r.keyLimit == null ? null : text(r.keyLimit.remaining()));
        ps.setString(13, r.keyLimit == null ? null : r.keyLimit.reset());
        ps.setString(14, r.spend == null ? null : r.spend.amount().plain());
        ps.setString(15, r.spend == null ? null : r.spend.period());
        setNullableLong(ps, 16, r.spend == null || r.spend.from() == null ? null : r.spend.from().toEpochMilli());
        setNullableLong(ps, 17, r.spend == null || r.spend.to() == null ? null : r.spend.to().toEpochMilli());
        ps.setString(18, source);
    }

    /** Recomputes the rollups of every day from {@code min}'s day to the day of the next point after {@code max}. */
    private void rebuildRollups(long account, String currency, Instant min, Instant max) throws SQLException {
        LocalDate startDay = LocalDate.ofInstant(min, ZoneOffset.UTC);
        Instant startAt = startDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant endAt = max;
        try (PreparedStatement ps = conn.prepareStatement("SELECT at FROM snapshot WHERE account = ? AND currency = ? AND at > ? AND "
                + IS_POINT + " ORDER BY at LIMIT 1")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.setLong(3, max.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    endAt = Instant.ofEpochMilli(rs.getLong(1));
                }
            }
        }
        LocalDate endDay = LocalDate.ofInstant(endAt, ZoneOffset.UTC);
        long endExclusive = endDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        BalancePoint previous = stateBefore(account, currency, startAt);
        List<BalancePoint> points = points(account, currency, startAt.toEpochMilli(), endExclusive);
        List<DailyRollup> rollups = SpendEstimator.rollUp(previous, points);
        try (PreparedStatement del = conn.prepareStatement(
                "DELETE FROM daily WHERE account = ? AND currency = ? AND day >= ? AND day <= ? AND folded = 0")) {
            del.setLong(1, account);
            del.setString(2, currency);
            del.setString(3, startDay.toString());
            del.setString(4, endDay.toString());
            del.executeUpdate();
        }
        try (PreparedStatement ins = conn.prepareStatement("INSERT OR REPLACE INTO daily (account, currency, " + DAILY_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (DailyRollup r : rollups) {
                ins.setLong(1, account);
                ins.setString(2, currency);
                ins.setString(3, r.date().toString());
                ins.setLong(4, r.firstAt().toEpochMilli());
                ins.setString(5, text(r.firstBalance()));
                ins.setString(6, text(r.firstUsage()));
                setNullableLong(ins, 7, r.minAt() == null ? null : r.minAt().toEpochMilli());
                ins.setString(8, text(r.minBalance()));
                ins.setLong(9, r.lastAt().toEpochMilli());
                ins.setString(10, text(r.lastBalance()));
                ins.setString(11, text(r.lastUsage()));
                ins.setInt(12, r.samples());
                ins.setString(13, text(r.spend()));
                ins.setString(14, text(r.topUp()));
                ins.setInt(15, r.topUpCount());
                setNullableLong(ins, 16, r.lastTopUpAt() == null ? null : r.lastTopUpAt().toEpochMilli());
                ins.setLong(17, r.maxStepMillis());
                ins.setLong(18, r.coveredMillis());
                ins.setInt(19, (r.mixed() ? F_MIXED : 0) | (r.usageReset() ? F_RESET : 0) | (r.estimated() ? F_ESTIMATED : 0)
                        | (r.providerReported() ? F_REPORTED : 0) | (r.unknown() ? F_UNKNOWN : 0));
                ins.setInt(20, r.folded() ? 1 : 0);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** The last known state strictly before {@code bound}: a raw point, or a rollup's closing state. */
    private BalancePoint stateBefore(long account, String currency, Instant bound) throws SQLException {
        BalancePoint raw = null;
        try (PreparedStatement ps = conn.prepareStatement("SELECT at, kind, total, usage FROM snapshot WHERE account = ? "
                + "AND currency = ? AND at < ? AND " + IS_POINT + " ORDER BY at DESC LIMIT 1")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.setLong(3, bound.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    raw = point(rs);
                }
            }
        }
        BalancePoint rolled = null;
        try (PreparedStatement ps = conn.prepareStatement("SELECT last_at, last_total, last_usage FROM daily WHERE account = ? "
                + "AND currency = ? AND day <= ? AND last_at < ? ORDER BY day DESC LIMIT 1")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.setString(3, day(bound));
            ps.setLong(4, bound.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    rolled = new BalancePoint(Instant.ofEpochMilli(rs.getLong(1)), decimal(rs.getString(2)),
                            decimal(rs.getString(3)));
                }
            }
        }
        if (raw == null) {
            return rolled;
        }
        return rolled == null || !rolled.at().isAfter(raw.at()) ? raw : rolled;
    }

    private List<BalancePoint> points(long account, String currency, long fromMillis, long toExclusive) throws SQLException {
        List<BalancePoint> out = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT at, kind, total, usage FROM snapshot WHERE account = ? "
                + "AND currency = ? AND at >= ? AND at < ? AND " + IS_POINT + " ORDER BY at")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.setLong(3, fromMillis);
            ps.setLong(4, toExclusive);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(point(rs));
                }
            }
        }
        return out;
    }

    /** Reads {@code at, kind, total, usage}. */
    private static BalancePoint point(ResultSet rs) throws SQLException {
        boolean balance = (rs.getInt(2) & KIND_BALANCE) != 0;
        return new BalancePoint(Instant.ofEpochMilli(rs.getLong(1)), balance ? decimal(rs.getString(3)) : null,
                decimal(rs.getString(4)));
    }

    private static DailyRollup rollup(ResultSet rs) throws SQLException {
        int flags = rs.getInt(17);
        return new DailyRollup(LocalDate.parse(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                decimal(rs.getString(3)), decimal(rs.getString(4)), instant(rs, 5), decimal(rs.getString(6)),
                Instant.ofEpochMilli(rs.getLong(7)), decimal(rs.getString(8)), decimal(rs.getString(9)), rs.getInt(10),
                decimal(rs.getString(11)), decimal(rs.getString(12)), rs.getInt(13), instant(rs, 14), rs.getLong(15),
                rs.getLong(16), (flags & F_MIXED) != 0, (flags & F_RESET) != 0, (flags & F_ESTIMATED) != 0,
                (flags & F_REPORTED) != 0, (flags & F_UNKNOWN) != 0, rs.getInt(18) == 1);
    }

    private Optional<BalanceSnapshot> lastFoldedSnapshot(long account, String provider, List<String> currencies)
            throws SQLException {
        long latest = Long.MIN_VALUE;
        Map<String, Long> lastAt = new HashMap<>();
        Map<String, BigDecimal> lastTotal = new HashMap<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT last_at, last_total FROM daily WHERE account = ? "
                + "AND currency = ? AND last_total IS NOT NULL ORDER BY day DESC LIMIT 1")) {
            for (String cur : currencies) {
                ps.setLong(1, account);
                ps.setString(2, cur);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        lastAt.put(cur, rs.getLong(1));
                        lastTotal.put(cur, decimal(rs.getString(2)));
                        latest = Math.max(latest, rs.getLong(1));
                    }
                }
            }
        }
        List<CurrencyBalance> balances = new ArrayList<>();
        for (String cur : currencies) {
            Long at = lastAt.get(cur);
            if (at != null && at == latest) {
                balances.add(CurrencyBalance.of(cur, lastTotal.get(cur)));
            }
        }
        if (balances.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BalanceSnapshot(ProviderId.of(provider), Instant.ofEpochMilli(latest), null, balances,
                null, null));
    }

    private String lastFoldedDay(long account, String currency) {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT max(day) FROM daily WHERE account = ? AND currency = ? AND folded = 1")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history file " + file + ": " + e.getMessage(), e);
        }
    }

    private void ensureSeries(long account, String currency) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO series (account, currency) VALUES (?, ?)")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.executeUpdate();
        }
    }

    private String provider(long account) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT provider FROM account WHERE id = ?")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The account's key, created on first use; records the provider when given and changed. Inside a write. */
    private long accountKey(String name, String provider) throws SQLException {
        Long id = existingAccount(name);
        if (id == null) {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO account (name, provider) VALUES (?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, provider);
                ps.executeUpdate();
            }
            id = existingAccount(name);
        } else if (provider != null) {
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE account SET provider = ? WHERE id = ? AND provider IS NOT ?")) {
                ps.setString(1, provider);
                ps.setLong(2, id);
                ps.setString(3, provider);
                ps.executeUpdate();
            }
        }
        return Objects.requireNonNull(id);
    }

    private Long existingAccount(String name) throws SQLException {
        Long cached = accountIds.get(name);
        if (cached != null) {
            return cached;
        }
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM account WHERE name = ?")) {
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

    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Runs {@code work} in an immediate (write-locked) transaction; rolls back on any failure. */
    private <T> T write(SqlWork<T> work) {
        return transaction("BEGIN IMMEDIATE", "write", work);
    }

    /** Runs {@code work} in a read transaction, so multi-query reads see one consistent state. */
    private <T> T read(SqlWork<T> work) {
        return transaction("BEGIN", "read", work);
    }

    private <T> T transaction(String begin, String verb, SqlWork<T> work) {
        if (closed) {
            throw new IllegalStateException("the history store " + file + " is closed");
        }
        if (readOnly && "write".equals(verb)) {
            throw new HistoryException("cannot write the history in " + file.getParent()
                    + ": it is open read-only", HistoryException.Kind.UNWRITABLE);
        }
        try {
            try {
                return attempt(begin, work);
            } catch (SQLException | HistoryException e) {
                if (recovery == null || !damaged(e)) {
                    throw e;
                }
                recoverFromDamage(e);
                return attempt(begin, work);
            }
        } catch (SQLException e) {
            HistoryException.Kind kind = kindOf(e);
            throw new HistoryException("cannot " + verb + " the history file " + file + ": "
                    + (kind == HistoryException.Kind.DAMAGED ? damage(e) : e.getMessage()), e, kind);
        }
    }

    private <T> T attempt(String begin, SqlWork<T> work) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(begin);
            try {
                T result = work.run();
                st.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(st);
                accountIds.clear();
                throw e;
            }
        }
    }

    private static void rollbackQuietly(Statement st) {
        try {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // nothing to roll back: the failure already ended the transaction
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

    private static void requireAccountId(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("account id is missing");
        }
    }

    /** Keeps a date within the four-digit years that sort correctly as ISO text. */
    private static LocalDate clamp(LocalDate d) {
        return d.getYear() < 0 ? LocalDate.of(0, 1, 1) : d.getYear() > 9999 ? LocalDate.of(9999, 12, 31) : d;
    }

    private static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    private static String text(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    private static Boolean bool(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v != 0;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static void setNullableInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    private static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    @Override
    public String toString() {
        return "HistoryStore[" + file + "]";
    }
}
