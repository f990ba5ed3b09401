package dev.tally.history;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import static dev.tally.history.HistoryRows.DAILY_COLUMNS;
import static dev.tally.history.HistoryRows.IS_POINT;
import static dev.tally.history.HistoryRows.day;
import static dev.tally.history.HistoryRows.requireAccountId;
import static dev.tally.history.HistoryRows.setNullableInt;
import static dev.tally.history.HistoryRows.setNullableLong;
import static dev.tally.history.HistoryRows.text;

/**
 * Writing the history: successful snapshots (one row per currency), poll outcomes, and retention. Every snapshot write
 * recomputes the daily rollups it touches (normally just today's; see {@link DailyRollup}), so long daily series read
 * one row per day, and {@link #applyRetention(Instant)} only has to mark old days as folded and delete their raw
 * rows: spend estimates read folded days from their rollup and stay right across the fold.
 *
 * <p>Get it from {@link HistoryStore#writer()}; it lives as long as that store.
 *
 * <p><b>Threads and blocking.</b> Thread-safe: writes are serialised with every other use of the same history file
 * in this process. Every method does disk I/O and blocks; when another process (the CLI and the widget share the
 * file) holds the write lock it waits up to {@link HistoryStore#BUSY_TIMEOUT} and then throws
 * {@link HistoryException}. Call it from a background thread, never the FX thread. A history opened read-only
 * ({@link HistoryStore#openReadOnly}, {@link HistoryStore#empty}) throws {@link HistoryException.Kind#UNWRITABLE};
 * after {@link HistoryStore#close()} every method throws {@link IllegalStateException}.
 */
public final class HistoryWriter {
    private static final System.Logger LOG = System.getLogger(HistoryStore.class.getName());

    private final HistoryDatabase db;

    HistoryWriter(HistoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Stores a snapshot fetched by the poller. See {@link #recordSnapshots(String, List, String)}. */
    public void recordSnapshot(String accountId, BalanceSnapshot snapshot) {
        recordSnapshots(accountId, List.of(snapshot), HistoryStore.SOURCE_POLL);
    }

    /** Stores one snapshot. See {@link #recordSnapshots(String, List, String)}. */
    public void recordSnapshot(String accountId, BalanceSnapshot snapshot, String source) {
        recordSnapshots(accountId, List.of(snapshot), source);
    }

    /**
     * Stores successful snapshots in one transaction (the batch form is for imports and benchmarks): one
     * row per currency that appears in a balance, the key limit or the spend report, at the snapshot's
     * {@code fetchedAt}. A second snapshot of the same account, currency and millisecond replaces the
     * first. A snapshot falling on a day that retention has already folded is ignored (that day's summary
     * is final). Recomputes the daily rollups the new rows touch.
     *
     * @param source who fetched them, e.g. {@link HistoryStore#SOURCE_POLL} or {@link HistoryStore#SOURCE_CLI}
     */
    public void recordSnapshots(String accountId, List<BalanceSnapshot> snapshots, String source) {
        requireAccountId(accountId);
        Objects.requireNonNull(snapshots, "snapshots");
        Objects.requireNonNull(source, "source");
        if (snapshots.isEmpty()) {
            return;
        }
        List<BalanceSnapshot> sorted = snapshots.stream()
                .sorted(Comparator.comparing(BalanceSnapshot::fetchedAt)).toList();
        db.write(c -> {
            long account = db.accountKey(c, accountId, sorted.getLast().provider().value());
            Map<String, Instant[]> touched = new TreeMap<>();
            Map<String, String> foldedUpTo = new HashMap<>();
            try (PreparedStatement ins = c.prepareStatement("""
                    INSERT OR REPLACE INTO snapshot (account, currency, at, kind, total, granted, paid, assumed, available,
                      usage, key_limit, key_remaining, key_reset, spend, spend_period, spend_from, spend_to, source,
                      since_spend, since_asked, since_from, since_bucket_end)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (BalanceSnapshot s : sorted) {
                    for (Row r : rowsOf(s)) {
                        String folded = foldedUpTo.computeIfAbsent(r.currency, cur -> lastFoldedDay(c, account, cur));
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
                ensureSeries(c, account, e.getKey());
                rebuildRollups(c, account, e.getKey(), e.getValue()[0], e.getValue()[1]);
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
    public void recordOutcome(String accountId, Instant at, AccountStatus status, String message) {
        requireAccountId(accountId);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
        db.write(c -> {
            long account = db.accountKey(c, accountId, null);
            try (PreparedStatement ps = c.prepareStatement(
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
     * Folds whole UTC days older than {@link HistoryStore#RAW_RETENTION} before {@code now}: their daily rollups are
     * marked folded and kept for good, their raw snapshots and poll outcomes are deleted, and the freed
     * space is given back to the file system.
     */
    public RetentionResult applyRetention(Instant now) {
        Objects.requireNonNull(now, "now");
        LocalDate cutoffDay = LocalDate.ofInstant(now.minus(HistoryStore.RAW_RETENTION), ZoneOffset.UTC);
        long cutoffMillis = cutoffDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        synchronized (db) { // the fold and the compaction as one step
            RetentionResult result = db.write(c -> {
                int folded;
                int snapshots;
                int outcomes;
                try (PreparedStatement ps = c.prepareStatement("UPDATE daily SET folded = 1 WHERE folded = 0 AND day < ?")) {
                    ps.setString(1, cutoffDay.toString());
                    folded = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM snapshot WHERE at < ?")) {
                    ps.setLong(1, cutoffMillis);
                    snapshots = ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM poll_outcome WHERE at < ?")) {
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
    }

    /**
     * Rewrites the file when more than a quarter of it is free pages, so deleting old rows gives space
     * back. Best effort: when another process is using the file the space is simply reused later.
     */
    private void compactIfWorthIt() {
        try {
            db.outsideTransaction(c -> {
                try (Statement st = c.createStatement()) {
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
                }
                return null;
            });
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.INFO, "history file " + db.file() + " not compacted now: " + e.getMessage());
        }
    }

    private record Row(String currency, int kind, CurrencyBalance balance, KeyLimit keyLimit, SpendReport spend) {
    }

    private static List<Row> rowsOf(BalanceSnapshot s) {
        Map<String, Row> rows = new TreeMap<>();
        for (CurrencyBalance b : s.balances()) {
            rows.put(b.currency(), new Row(b.currency(), HistoryRows.KIND_BALANCE, b, null, null));
        }
        if (s.keyLimit() != null) {
            KeyLimit k = s.keyLimit();
            rows.merge(k.currency(), new Row(k.currency(), HistoryRows.KIND_KEY_LIMIT, null, k, null),
                    (a, b) -> new Row(a.currency, a.kind | b.kind, a.balance, b.keyLimit, a.spend));
        }
        if (s.spend() != null) {
            String cur = s.spend().amount().currency();
            rows.merge(cur, new Row(cur, HistoryRows.KIND_SPEND, null, null, s.spend()),
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
        Boolean assumed = r.balance != null ? Boolean.valueOf(r.balance.currencyAssumed())
                : r.keyLimit != null ? Boolean.valueOf(r.keyLimit.currencyAssumed()) : null;
        setNullableInt(ps, 8, assumed == null ? null : (assumed ? 1 : 0));
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
        SpendSince since = r.spend == null ? null : r.spend.since();
        ps.setString(19, since == null ? null : since.amount().plain());
        setNullableLong(ps, 20, since == null ? null : since.asked().toEpochMilli());
        setNullableLong(ps, 21, since == null ? null : since.from().toEpochMilli());
        setNullableInt(ps, 22, since == null ? null : (since.bucketEnd() ? 1 : 0));
    }

    /** Recomputes the rollups of every day from {@code min}'s day to the day of the next point after {@code max}. */
    private static void rebuildRollups(Connection c, long account, String currency, Instant min, Instant max)
            throws SQLException {
        LocalDate startDay = LocalDate.ofInstant(min, ZoneOffset.UTC);
        Instant startAt = startDay.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant endAt = max;
        try (PreparedStatement ps = c.prepareStatement("SELECT at FROM snapshot WHERE account = ? AND currency = ? AND at > ? AND "
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
        BalancePoint previous = HistoryRows.stateBefore(c, account, currency, startAt);
        List<BalancePoint> points = HistoryRows.points(c, account, currency, startAt.toEpochMilli(), endExclusive);
        List<DailyRollup> rollups = SpendEstimator.rollUp(previous, points);
        try (PreparedStatement del = c.prepareStatement(
                "DELETE FROM daily WHERE account = ? AND currency = ? AND day >= ? AND day <= ? AND folded = 0")) {
            del.setLong(1, account);
            del.setString(2, currency);
            del.setString(3, startDay.toString());
            del.setString(4, endDay.toString());
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT OR REPLACE INTO daily (account, currency, " + DAILY_COLUMNS
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
                ins.setInt(19, HistoryRows.flags(r));
                ins.setInt(20, r.folded() ? 1 : 0);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    /** The last day retention has folded for the currency, or {@code null}; inside the write. */
    private String lastFoldedDay(Connection c, long account, String currency) {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT max(day) FROM daily WHERE account = ? AND currency = ? AND folded = 1")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new HistoryException("cannot read the history file " + db.file() + ": " + e.getMessage(), e);
        }
    }

    private static void ensureSeries(Connection c, long account, String currency) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT OR IGNORE INTO series (account, currency) VALUES (?, ?)")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.executeUpdate();
        }
    }

    @Override
    public String toString() {
        return "HistoryWriter[" + db.file() + "]";
    }
}
