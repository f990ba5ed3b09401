package dev.tally.status;

import java.util.Collection;

/**
 * How an account is doing at a glance, for one account or for all of them: what the tray icon shows, and the
 * order in which accounts are worst first.
 *
 * <p>Declared from least to most urgent; {@link #worst} picks the most urgent:
 * {@code ERROR > EMPTY > LOW > STALE > NO_DATA > OK}. A wrong account outranks a used-up one, a used-up account
 * outranks a low one, and a low balance outranks a number that is merely old, because all of them need the user to
 * act.
 */
public enum State {
    /** Every shown balance is current and above its alert level. */
    OK,
    /** Nothing fetched yet (first poll pending, or only transient failures so far). */
    NO_DATA,
    /** A balance is shown but is old, or the last poll failed for a passing reason (network, timeout, 429). */
    STALE,
    /** A balance is below the account's alert threshold. */
    LOW,
    /**
     * Used up: every balance is at or below zero, a key's limit has nothing left, or the estimate from a known top-up
     * is used up. API calls fail (or, for an estimate, probably fail) until the user tops up. Red, like an error, but
     * its own state with its own words and mark.
     */
    EMPTY,
    /** Key rejected or lacking scope, no key, the provider answered wrongly, or says the account is not available. */
    ERROR;

    /** True when the user should look: stale, low, empty or an error (not OK, not "nothing fetched yet"). */
    public boolean needsAttention() {
        return ordinal() >= STALE.ordinal();
    }

    /** The more urgent of the two. */
    public State worse(State other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** The most urgent state among {@code states}; {@link #NO_DATA} when there are none. */
    public static State worst(Collection<State> states) {
        return states.stream().reduce(State::worse).orElse(NO_DATA);
    }

    /** True when this state needs the user more than {@code other} (sorts worst first). */
    public boolean worseThan(State other) {
        return ordinal() > other.ordinal();
    }

    /** The most urgent of the given states; {@link #NO_DATA} when there are none. */
    public static State worst(State... states) {
        return worst(java.util.List.of(states));
    }
}
