package dev.tally.poll;

import dev.tally.core.AccountStatus;

import java.time.Duration;
import java.time.Instant;

/**
 * How an account is doing, as shown on its card, in the tray and by {@code tally status}.
 * Derived from facts only (last good fetch, last outcome, interval, now), so the poller and the
 * history-based status command agree.
 */
public enum Health {
    /** Never fetched yet. */
    PENDING,
    /** The last poll succeeded and is younger than twice the interval. */
    LIVE,
    /** The last poll succeeded but long ago (older than twice the interval). */
    STALE,
    /** The last poll failed; any last good snapshot is still shown, marked stale. */
    ERROR,
    NO_KEY,
    UNSUPPORTED;

    /**
     * @param lastGoodAt  when the last successful fetch happened, or {@code null}
     * @param lastStatus  status of the most recent attempt, or {@code null} if none
     * @param interval    the account's polling interval
     */
    public static Health of(Instant lastGoodAt, AccountStatus lastStatus, Duration interval, Instant now) {
        if (lastStatus == AccountStatus.UNSUPPORTED) {
            return UNSUPPORTED;
        }
        if (lastStatus == AccountStatus.NO_KEY) {
            return NO_KEY;
        }
        if (lastStatus != null && lastStatus != AccountStatus.OK) {
            return ERROR;
        }
        if (lastGoodAt == null) {
            return PENDING;
        }
        return isOld(lastGoodAt, interval, now) ? STALE : LIVE;
    }

    /** A value is stale when older than twice the interval. */
    public static boolean isOld(Instant at, Duration interval, Instant now) {
        return Duration.between(at, now).compareTo(interval.multipliedBy(2)) > 0;
    }

    /** True when a number is shown but should not be trusted as current: stale, or the last poll failed. */
    public static boolean staleValue(Instant lastGoodAt, AccountStatus lastStatus, Duration interval, Instant now) {
        if (lastGoodAt == null) {
            return false;
        }
        return lastStatus != null && lastStatus != AccountStatus.OK || isOld(lastGoodAt, interval, now);
    }
}
