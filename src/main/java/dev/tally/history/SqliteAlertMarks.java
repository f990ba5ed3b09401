package dev.tally.history;

import dev.tally.alert.AlertMark;
import dev.tally.alert.AlertMarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import static dev.tally.history.HistoryRows.decimal;
import static dev.tally.history.HistoryRows.requireAccountId;
import static dev.tally.history.HistoryRows.text;

/**
 * The alert rules' marks in the history file's {@code alert_state} table (one row per account and rule), next to the
 * account's other history. Thread-safe and blocking as {@link HistoryWriter}: serialised with every other use of the
 * file in this process, waits up to {@link HistoryStore#BUSY_TIMEOUT} for another process's lock, and throws
 * {@link HistoryException} when the file cannot be read or written (on a read-only history, {@link #put} and
 * {@link #clear} fail with {@link HistoryException.Kind#UNWRITABLE}).
 */
final class SqliteAlertMarks implements AlertMarks {
    private final HistoryDatabase db;

    SqliteAlertMarks(HistoryDatabase db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    @Override
    public Optional<AlertMark> find(String accountId, String rule) {
        requireAccountId(accountId);
        Objects.requireNonNull(rule, "rule");
        return db.read(c -> {
            Long account = db.existingAccount(c, accountId);
            if (account == null) {
                return Optional.empty();
            }
            try (PreparedStatement ps = c.prepareStatement(
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

    @Override
    public void put(AlertMark mark) {
        Objects.requireNonNull(mark, "mark");
        db.write(c -> {
            long account = db.accountKey(c, mark.accountId(), null);
            try (PreparedStatement ps = c.prepareStatement(
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

    @Override
    public void clear(String accountId, String rule) {
        requireAccountId(accountId);
        Objects.requireNonNull(rule, "rule");
        db.write(c -> {
            Long account = db.existingAccount(c, accountId);
            if (account != null) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_state WHERE account = ? AND rule = ?")) {
                    ps.setLong(1, account);
                    ps.setString(2, rule);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public String toString() {
        return "SqliteAlertMarks[" + db.file() + "]";
    }
}
