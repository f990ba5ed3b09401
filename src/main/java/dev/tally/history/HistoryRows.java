package dev.tally.history;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How the writer and the reader agree on stored rows: the {@code kind} and {@code flags} bits, the columns of a daily
 * rollup, money as exact decimal text (never REAL), times as epoch milliseconds (UTC), days as ISO text; and the two
 * reads both need ({@link #stateBefore}, {@link #points}). Static and stateless; each method uses the connection it
 * is given, inside the caller's transaction.
 */
final class HistoryRows {
    static final int KIND_BALANCE = 1;
    static final int KIND_KEY_LIMIT = 2;
    static final int KIND_SPEND = 4;
    static final int F_MIXED = 1;
    static final int F_RESET = 2;
    static final int F_ESTIMATED = 4;
    static final int F_REPORTED = 8;
    static final int F_UNKNOWN = 16;
    /** The day's last balance is what was left under a key's limit ({@link DailyRollup#lastUnderLimit()}). */
    static final int F_LAST_UNDER_LIMIT = 32;
    /**
     * A stored row the estimator can use: it has a balance, what is left under a key's limit, or a usage figure.
     */
    static final String IS_POINT = "((kind & 1) = 1 OR key_remaining IS NOT NULL OR usage IS NOT NULL)";
    /** The columns {@link #point(ResultSet)} reads. */
    private static final String POINT_COLUMNS = "at, kind, total, usage, key_remaining";
    static final String DAILY_COLUMNS = "day, first_at, first_total, first_usage, min_at, min_total, last_at, "
            + "last_total, last_usage, samples, spend, top_up, top_ups, last_top_up_at, max_step_ms, covered_ms, flags, "
            + "folded";

    private HistoryRows() {
    }

    /** The last known state strictly before {@code bound}: a raw point, or a rollup's closing state. */
    static BalancePoint stateBefore(Connection c, long account, String currency, Instant bound) throws SQLException {
        BalancePoint raw = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POINT_COLUMNS + " FROM snapshot WHERE account = ? "
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
        try (PreparedStatement ps = c.prepareStatement("SELECT last_at, last_total, last_usage, flags FROM daily WHERE account = ? "
                + "AND currency = ? AND day <= ? AND last_at < ? ORDER BY day DESC LIMIT 1")) {
            ps.setLong(1, account);
            ps.setString(2, currency);
            ps.setString(3, day(bound));
            ps.setLong(4, bound.toEpochMilli());
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    BigDecimal last = decimal(rs.getString(2));
                    rolled = new BalancePoint(Instant.ofEpochMilli(rs.getLong(1)), last, decimal(rs.getString(3)),
                            last != null && (rs.getInt(4) & F_LAST_UNDER_LIMIT) != 0);
                }
            }
        }
        if (raw == null) {
            return rolled;
        }
        return rolled == null || !rolled.at().isAfter(raw.at()) ? raw : rolled;
    }

    /** The raw points with {@code fromMillis <= at < toExclusive}, in time order. */
    static List<BalancePoint> points(Connection c, long account, String currency, long fromMillis, long toExclusive)
            throws SQLException {
        List<BalancePoint> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + POINT_COLUMNS + " FROM snapshot WHERE account = ? "
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

    /**
     * Reads {@link #POINT_COLUMNS}. The account's balance where the row has one; else what is left under the key's
     * limit (a limit minus spend counts as what is left: alerts, the sparkline and the runway work from it).
     */
    private static BalancePoint point(ResultSet rs) throws SQLException {
        Instant at = Instant.ofEpochMilli(rs.getLong(1));
        BigDecimal usage = decimal(rs.getString(4));
        if ((rs.getInt(2) & KIND_BALANCE) != 0) {
            return new BalancePoint(at, decimal(rs.getString(3)), usage);
        }
        BigDecimal left = decimal(rs.getString(5));
        return new BalancePoint(at, left, usage, left != null);
    }

    /** Reads {@link #DAILY_COLUMNS}. */
    static DailyRollup rollup(ResultSet rs) throws SQLException {
        int flags = rs.getInt(17);
        return new DailyRollup(LocalDate.parse(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                decimal(rs.getString(3)), decimal(rs.getString(4)), instant(rs, 5), decimal(rs.getString(6)),
                Instant.ofEpochMilli(rs.getLong(7)), decimal(rs.getString(8)), decimal(rs.getString(9)), rs.getInt(10),
                decimal(rs.getString(11)), decimal(rs.getString(12)), rs.getInt(13), instant(rs, 14), rs.getLong(15),
                rs.getLong(16), (flags & F_MIXED) != 0, (flags & F_RESET) != 0, (flags & F_ESTIMATED) != 0,
                (flags & F_REPORTED) != 0, (flags & F_UNKNOWN) != 0, rs.getInt(18) == 1,
                (flags & F_LAST_UNDER_LIMIT) != 0);
    }

    /** The {@code flags} column of a rollup. */
    static int flags(DailyRollup r) {
        return (r.mixed() ? F_MIXED : 0) | (r.usageReset() ? F_RESET : 0) | (r.estimated() ? F_ESTIMATED : 0)
                | (r.providerReported() ? F_REPORTED : 0) | (r.unknown() ? F_UNKNOWN : 0)
                | (r.lastUnderLimit() ? F_LAST_UNDER_LIMIT : 0);
    }

    static void requireAccountId(String accountId) {
        if (accountId == null || accountId.isBlank()) {
            throw new IllegalArgumentException("account id is missing");
        }
    }

    /** The UTC day of {@code t}, as stored. */
    static String day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC).toString();
    }

    static String text(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    static BigDecimal decimal(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    static Boolean bool(ResultSet rs, int column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v != 0;
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    static void setNullableInt(PreparedStatement ps, int i, Integer v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setInt(i, v);
        }
    }

    static void setNullableLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }
}
