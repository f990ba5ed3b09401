/**
 * What happened to an account over time: the SQLite history file and the honest spend estimate built from it
 * ({@link dev.tally.history.SpendEstimator}, {@link dev.tally.history.HistoryReport}).
 *
 * <p>The file, split by job: {@link dev.tally.history.HistoryStore} opens it (normally, recovering from damage,
 * read-only, or as an empty stand-in) and hands out {@link dev.tally.history.HistoryWriter} (snapshots per account
 * and currency, poll outcomes, daily rollups, retention), {@link dev.tally.history.HistoryReader} (queries and
 * rollups) and the alert rules' state as a {@link dev.tally.alert.AlertMarks}. The file's life stays inside the
 * package: {@code HistoryDatabase} (connection, transactions, setting a damaged file aside), {@code HistorySchema}
 * (migrations), {@code HistoryFaults} (what went wrong, in words) and {@code HistoryRows} (how rows are encoded).
 *
 * <p>The estimator is pure (no I/O, no clock); only the store's classes touch a file. Money is exact
 * {@link java.math.BigDecimal} everywhere and is stored as decimal text, never as REAL. Currencies are never mixed
 * or converted. Imports nothing from {@code javafx.*} or {@code java.awt.*}, nor from {@code provider}, {@code poll},
 * {@code ui} or {@code tray}; from {@code alert} only the {@code AlertMark}/{@code AlertMarks} contract it
 * implements. Runs headless.
 */
package dev.tally.history;
