package dev.tally.history;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import static dev.tally.history.HistoryRows.DAILY_COLUMNS;
import static dev.tally.history.HistoryRows.KIND_BALANCE;
import static dev.tally.history.HistoryRows.KIND_KEY_LIMIT;
import static dev.tally.history.HistoryRows.KIND_SPEND;
import static dev.tally.history.HistoryRows.bool;
import static dev.tally.history.HistoryRows.day;
import static dev.tally.history.HistoryRows.decimal;
import static dev.tally.history.HistoryRows.instant;
import static dev.tally.history.HistoryRows.requireAccountId;

/**
 * Reading the history: which accounts and currencies it holds, raw snapshot rows, the last snapshot and poll outcome
 * of an account, and what spend estimates are built from (observations, daily rollups, reported spend). Each method
 * reads in one transaction, so it sees one consistent state even while the poller (or another process) writes.
 *
 * <p>Get it from {@link HistoryStore#reader()}; it lives as long as that store. Works the same on a history opened
 * read-only or {@link HistoryStore#empty empty}.
 *
 * <p><b>Threads and blocking.</b> Thread-safe: reads are serialised with every other use of the same history file in
 * this process. Every method does disk I/O and blocks; call it from a background thread, never the FX thread.
 * Failures throw {@link HistoryException}. Methods never return {@code null}; "nothing stored" is an empty list or
 * {@link Optional}. After {@link HistoryStore#close()} every method throws {@link IllegalStateException}.
 */
public final class HistoryReader {
    private final HistoryDatabase db;

    HistoryReader(HistoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /** Every account that has anything stored, by name. */
    public List<String> accounts() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name FROM account ORDER BY name")) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Every currency ever stored for the account, sorted by code. */
    public List<String> currencies(String accountId) {
        requireAccountId(accountId);
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            List<String> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement(
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
    public List<SnapshotRow> snapshots(String accountId, String currency, Instant from, Instant to) {
        requireAccountId(accountId);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            List<SnapshotRow> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            String sql = "SELECT currency, at, kind, total, granted, paid, available, usage, source FROM snapshot "
                    + "WHERE account = ? AND at >= ? AND at <= ?" + (currency == null ? "" : " AND currency = ?")
                    + " ORDER BY at, currency";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
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
    public List<Observation> observations(String accountId, String currency, Instant from, Instant to) {
        requireAccountId(accountId);
        Objects.requireNonNull(currency, "currency");
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            List<Observation> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            List<DailyRollup> folded = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DAILY_COLUMNS
                    + " FROM daily WHERE account = ? AND currency = ? AND folded = 1 AND day >= ? AND day <= ? ORDER BY day")) {
                ps.setLong(1, account);
                ps.setString(2, currency);
                ps.setString(3, day(from));
                ps.setString(4, day(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        folded.add(HistoryRows.rollup(rs));
                    }
                }
            }
            Instant bound = folded.isEmpty() || from.isBefore(folded.getFirst().firstAt()) ? from : folded.getFirst().firstAt();
            BalancePoint baseline = HistoryRows.stateBefore(c, account, currency, bound);
            if (baseline != null) {
                out.add(baseline);
            }
            out.addAll(folded);
            out.addAll(HistoryRows.points(c, account, currency, from.toEpochMilli(), to.toEpochMilli() + 1));
            return out;
        });
    }

    /**
     * The provider-reported spend figures of one currency with {@code from <= at <= to}, in time order (spend-only
     * providers; see {@link SpendPoint}). Raw rows only: after {@link HistoryStore#RAW_RETENTION} they are gone.
     */
    public List<SpendPoint> spendReports(String accountId, String currency, Instant from, Instant to) {
        requireAccountId(accountId);
        Objects.requireNonNull(currency, "currency");
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            List<SpendPoint> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT at, spend, spend_period, spend_from FROM snapshot "
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
    public List<DailyRollup> dailyRollups(String accountId, String currency, LocalDate from, LocalDate to) {
        requireAccountId(accountId);
        Objects.requireNonNull(currency, "currency");
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            List<DailyRollup> out = new ArrayList<>();
            if (account == null) {
                return out;
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT " + DAILY_COLUMNS
                    + " FROM daily WHERE account = ? AND currency = ? AND day >= ? AND day <= ? ORDER BY day")) {
                ps.setLong(1, account);
                ps.setString(2, currency);
                ps.setString(3, clamp(from).toString());
                ps.setString(4, clamp(to).toString());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(HistoryRows.rollup(rs));
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
    public Optional<BalanceSnapshot> lastSnapshot(String accountId) {
        requireAccountId(accountId);
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            if (account == null) {
                return Optional.empty();
            }
            String provider = provider(c, account);
            if (provider == null) {
                return Optional.empty();
            }
            List<String> currencies = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT currency FROM series WHERE account = ?")) {
                ps.setLong(1, account);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        currencies.add(rs.getString(1));
                    }
                }
            }
            long latest = Long.MIN_VALUE;
            for (String cur : currencies) {
                try (PreparedStatement ps = c.prepareStatement(
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
                return lastFoldedSnapshot(c, account, provider, currencies);
            }
            List<CurrencyBalance> balances = new ArrayList<>();
            KeyLimit keyLimit = null;
            SpendReport spend = null;
            Boolean available = null;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT currency, kind, total, granted, paid, assumed, available, usage, key_limit, key_remaining,
                      key_reset, spend, spend_period, spend_from, spend_to, since_spend, since_asked, since_from,
                      since_bucket_end
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
                                    decimal(rs.getString(8)), rs.getString(11), rs.getInt(6) == 1);
                        }
                        if ((kind & KIND_SPEND) != 0) {
                            SpendSince since = rs.getString(16) == null ? null
                                    : new SpendSince(new Money(decimal(rs.getString(16)), cur), instant(rs, 17),
                                    instant(rs, 18), instant(rs, 15) != null ? instant(rs, 15) : Instant.ofEpochMilli(latest),
                                    rs.getInt(19) == 1);
                            spend = new SpendReport(new Money(decimal(rs.getString(12)), cur), rs.getString(13),
                                    instant(rs, 14), instant(rs, 15), since);
                        }
                    }
                }
            }
            return Optional.of(new BalanceSnapshot(ProviderId.of(provider), Instant.ofEpochMilli(latest), available,
                    balances, spend, keyLimit));
        });
    }

    /** The most recent poll outcome of the account, if any. */
    public Optional<PollOutcome> lastOutcome(String accountId) {
        requireAccountId(accountId);
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            if (account == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
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

    /** The last folded day's closing balances, as a balances-only snapshot; empty when there are none. */
    private static Optional<BalanceSnapshot> lastFoldedSnapshot(Connection c, long account, String provider,
                                                                List<String> currencies) throws SQLException {
        long latest = Long.MIN_VALUE;
        Map<String, Long> lastAt = new HashMap<>();
        Map<String, BigDecimal> lastTotal = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT last_at, last_total FROM daily WHERE account = ? "
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

    private static String provider(Connection c, long account) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT provider FROM account WHERE id = ?")) {
            ps.setLong(1, account);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Keeps a date within the four-digit years that sort correctly as ISO text. */
    private static LocalDate clamp(LocalDate d) {
        return d.getYear() < 0 ? LocalDate.of(0, 1, 1) : d.getYear() > 9999 ? LocalDate.of(9999, 12, 31) : d;
    }

    @Override
    public String toString() {
        return "HistoryReader[" + db.file() + "]";
    }
}
