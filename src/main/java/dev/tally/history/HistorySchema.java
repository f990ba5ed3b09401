package dev.tally.history;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The history file's schema and its migrations, versioned with {@code PRAGMA user_version}: entry {@code i} of
 * the migrations brings the schema from version {@code i} to {@code i + 1} (v1 creates everything from an empty
 * file). Tables: {@code account(id, name, provider)}, {@code series(account, currency)},
 * {@code snapshot(account, currency, at, kind, total, granted, paid, assumed, available, usage, key_limit,
 * key_remaining, key_reset, spend, spend_period, spend_from, spend_to, source, since_spend, since_asked, since_from,
 * since_bucket_end)} (the {@code since_*} columns since v2: spend since a known top-up),
 * {@code poll_outcome(account, at, status, message)}, {@code daily(account, currency, day, first_*, min_*,
 * last_*, samples, spend, top_up, top_ups, last_top_up_at, max_step_ms, covered_ms, flags, folded)},
 * {@code alert_state(account, rule, currency, amount, at)}. Account names are stored once and referenced by a
 * small integer, which keeps a year of 5-minute snapshots of one account in a few megabytes.
 *
 * <p>Static and stateless; every method works on the connection it is given, on the caller's thread (the
 * {@link HistoryDatabase}, under its lock).
 */
final class HistorySchema {
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
            ) WITHOUT ROWID"""),
            // v2: the provider-reported spend since a known top-up (the basis of an estimated balance)
            List.of("ALTER TABLE snapshot ADD COLUMN since_spend TEXT",
                    "ALTER TABLE snapshot ADD COLUMN since_asked INTEGER",
                    "ALTER TABLE snapshot ADD COLUMN since_from INTEGER",
                    "ALTER TABLE snapshot ADD COLUMN since_bucket_end INTEGER"));

    /** The schema version this code writes. */
    static final int VERSION = MIGRATIONS.size();

    private HistorySchema() {
    }

    /**
     * Applies the missing migrations in one write transaction (re-reading the version once it holds the lock: another
     * process may have migrated meanwhile).
     *
     * @param file names the file in messages
     * @throws HistoryException for a file written by a newer Tally ({@link HistoryException.Kind#NEWER}) or a SQLite
     *                          database that is not a Tally history ({@link HistoryException.Kind#FOREIGN})
     */
    static void migrate(Connection conn, Path file) throws SQLException {
        try (Statement st = conn.createStatement()) {
            int version = userVersion(st);
            checkVersion(version, file);
            if (version == VERSION) {
                return;
            }
            if (version == 0 && tableCount(st) > 0) {
                throw foreign(file);
            }
            st.execute("BEGIN IMMEDIATE");
            try {
                // another process may have migrated while we waited for the lock
                version = userVersion(st);
                checkVersion(version, file);
                for (int v = version; v < VERSION; v++) {
                    for (String sql : MIGRATIONS.get(v)) {
                        st.execute(sql);
                    }
                    st.execute("PRAGMA user_version = " + (v + 1));
                }
                st.execute("COMMIT");
            } catch (SQLException | RuntimeException e) {
                HistoryDatabase.rollbackQuietly(st);
                throw e;
            }
        }
    }

    /** @throws HistoryException ({@link HistoryException.Kind#NEWER}) when {@code version} is newer than this code's */
    static void checkVersion(int version, Path file) {
        if (version > VERSION) {
            throw new HistoryException("the history file " + file + " was written by a newer Tally (schema v" + version
                    + "); this version understands up to v" + VERSION + ". Update Tally or move the file away.",
                    HistoryException.Kind.NEWER);
        }
    }

    static HistoryException foreign(Path file) {
        return new HistoryException("the file " + file + " is a SQLite database but not a Tally history file",
                HistoryException.Kind.FOREIGN);
    }

    static int userVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static int tableCount(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master WHERE type = 'table'")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
