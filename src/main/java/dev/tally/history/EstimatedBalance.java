package dev.tally.history;

import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;

import java.time.Instant;
import java.util.Objects;

/**
 * What is probably left where the provider will not say: the person's known top-up minus the spend the provider
 * itself reports since then. Never a reported balance: every front end labels it an estimate. Pure (no I/O, no
 * clock); exact {@link java.math.BigDecimal}; the top-up and the spend must be in the same currency, else there is no
 * estimate ({@link Refused}). Immutable.
 */
public sealed interface EstimatedBalance {

    /**
     * An estimate.
     *
     * @param amount        top-up − reported spend; may be negative (then {@link #usedUp()})
     * @param topUp         the basis the person gave
     * @param reportedSpend the provider-reported spend over {@code [since, spendTo)}
     * @param since         where the spend was counted from (the top-up, or the next whole day after it)
     * @param spendTo       the end of the reported spend (when it was fetched)
     * @param bucketEnd     true when the rest of the top-up's day is not counted (the provider reports whole days)
     */
    record Known(Money amount, KnownTopUp topUp, Money reportedSpend, Instant since, Instant spendTo,
                 boolean bucketEnd) implements EstimatedBalance {
        public Known {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(topUp, "topUp");
            Objects.requireNonNull(reportedSpend, "reportedSpend");
            Objects.requireNonNull(since, "since");
            Objects.requireNonNull(spendTo, "spendTo");
        }

        /** Nothing is left by the estimate (zero or below): the console has the real answer. */
        public boolean usedUp() {
            return amount.amount().signum() <= 0;
        }
    }

    /**
     * No estimate, and why (in words for people).
     *
     * @param reason e.g. "your top-up is in EUR but OpenAI reports spend in USD; Tally never converts currencies"
     */
    record Refused(String reason) implements EstimatedBalance {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The estimate from a known top-up and the last reported spend.
     *
     * @param topUp    the newest known top-up, or {@code null}
     * @param spend    the last provider-reported spend, or {@code null} when none arrived yet
     * @param provider the provider's name for messages
     * @return {@code null} when there is no top-up (nothing to estimate); a {@link Refused} when there is one but no
     *         usable spend since it
     */
    public static EstimatedBalance of(KnownTopUp topUp, SpendReport spend, String provider) {
        if (topUp == null) {
            return null;
        }
        SpendSince since = spend == null ? null : spend.since();
        if (since == null || !since.asked().equals(topUp.at())) {
            // the last answer was fetched before this top-up was given, or the top-up is too far back to ask about
            return new Refused(spend != null && since == null && topUp.at().isBefore(spend.to().minus(
                    java.time.Duration.ofDays(400))) ? "your top-up is more than 400 days old; give a newer one"
                    : "waiting for " + provider + "'s spend since your top-up");
        }
        if (!since.amount().currency().equals(topUp.amount().currency())) {
            return new Refused("your top-up is in " + topUp.amount().currency() + " but " + provider
                    + " reports spend in " + since.amount().currency() + "; Tally never converts currencies");
        }
        return new Known(topUp.amount().minus(since.amount()), topUp, since.amount(), since.from(), since.to(),
                since.bucketEnd());
    }
}
