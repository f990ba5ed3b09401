package dev.tally.history;

import java.time.Instant;

/**
 * One thing the estimator can learn from, in one currency of one account: a raw
 * {@link BalancePoint} or a {@link DailyRollup} that stands for a whole folded day.
 */
public sealed interface Observation permits BalancePoint, DailyRollup {

    /** When this observation begins (a point's time, or a folded day's first snapshot). */
    Instant start();

    /** When this observation ends (a point's time, or a folded day's last snapshot). */
    Instant end();

    /** The state at {@link #end()}, the baseline for whatever comes next. */
    BalancePoint endState();
}
