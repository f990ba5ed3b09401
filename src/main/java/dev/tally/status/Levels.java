package dev.tally.status;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.estimate.EstimatedBalance;

import java.math.BigDecimal;

/**
 * Whether an amount needs the user: <b>empty</b> (at or below zero: API calls fail, or the estimate is used up) or
 * <b>low</b> (below the account's alert level, same currency only). One rule for every front end: the command line's
 * {@code LOW} / {@code EMPTY} marks and {@code status --json}'s {@code low} and {@code empty}. An empty amount is also
 * low when it is below the alert level; a front end showing one mark shows {@link Mark#EMPTY} first. Stateless and
 * thread-safe; {@code null} thresholds and snapshots mean "nothing to compare".
 */
public final class Levels {
    private Levels() {
    }

    /** The mark an amount carries, most urgent first. */
    public enum Mark {
        /** At or below zero. */
        EMPTY,
        /** Below the alert level. */
        LOW,
        /** Neither. */
        NONE;

        /** The command line's word beside the amount: "110.00 CNY LOW"; {@code amount} unchanged for {@link #NONE}. */
        public String beside(String amount) {
            return switch (this) {
                case EMPTY -> Phrase.CLI_MARK_EMPTY.say(amount);
                case LOW -> Phrase.CLI_MARK_LOW.say(amount);
                case NONE -> amount;
            };
        }
    }

    /** True when {@code amount} is at or below zero. */
    public static boolean empty(BigDecimal amount) {
        return amount != null && amount.signum() <= 0;
    }

    /** True when {@code amount} in {@code currency} is below {@code threshold} (another currency never compares). */
    public static boolean low(BigDecimal amount, String currency, Money threshold) {
        return amount != null && threshold != null && threshold.currency().equals(currency)
                && amount.compareTo(threshold.amount()) < 0;
    }

    /** {@link Mark#EMPTY}, {@link Mark#LOW} or {@link Mark#NONE} for one amount. */
    public static Mark mark(BigDecimal amount, String currency, Money threshold) {
        return empty(amount) ? Mark.EMPTY : low(amount, currency, threshold) ? Mark.LOW : Mark.NONE;
    }

    /**
     * True when what the provider reported is used up: every balance at or below zero, or (without balances) the
     * key's remaining limit. A spend-only answer (no balance, no limit) is never empty: nothing says what is left.
     */
    public static boolean empty(BalanceSnapshot s) {
        if (s == null) {
            return false;
        }
        if (!s.balances().isEmpty()) {
            return s.balances().stream().allMatch(b -> empty(b.total()));
        }
        KeyLimit k = s.keyLimit();
        return k != null && empty(k.remaining());
    }

    /** True when the estimate from a known top-up is used up. */
    public static boolean empty(EstimatedBalance e) {
        return e instanceof EstimatedBalance.Known k && k.usedUp();
    }

    /**
     * True when a reported amount (the balance in the threshold's currency, or without balances the key's remaining
     * limit) is below {@code threshold}: the same rule as the widget's Low.
     */
    public static boolean low(BalanceSnapshot s, Money threshold) {
        if (s == null || threshold == null) {
            return false;
        }
        for (CurrencyBalance b : s.balances()) {
            if (b.currency().equals(threshold.currency())) {
                return low(b.total(), b.currency(), threshold);
            }
        }
        KeyLimit k = s.keyLimit();
        return s.balances().isEmpty() && k != null && low(k.remaining(), k.currency(), threshold);
    }

    /** True when the estimate is below {@code threshold}. */
    public static boolean low(EstimatedBalance e, Money threshold) {
        return Estimates.below(e, threshold);
    }
}
