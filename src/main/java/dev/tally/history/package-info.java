/**
 * What happened to an account over time: the SQLite history file ({@link dev.tally.history.HistoryStore}:
 * snapshots per account and currency, poll outcomes, daily rollups, alert state, migrations, retention)
 * and the honest spend estimate built from it ({@link dev.tally.history.SpendEstimator},
 * {@link dev.tally.history.HistoryReport}).
 *
 * <p>The estimator is pure (no I/O, no clock); the store is the only class here that touches a file.
 * Money is exact {@link java.math.BigDecimal} everywhere and is stored as decimal text, never as REAL.
 * Currencies are never mixed or converted. Imports nothing from {@code javafx.*} or {@code java.awt.*},
 * nor from {@code provider}, {@code poll}, {@code ui} or {@code tray}; runs headless.
 */
package dev.tally.history;
