package dev.tally.estimate;

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

    /** Why there is no estimate. */
    enum Why {
        /** The last spend was fetched before this top-up was given (the next check brings it). */
        WAITING,
        /** The top-up is in another currency than the reported spend: never converted. */
        CURRENCY,
        /** The top-up is older than the reports are asked about. */
        TOO_OLD
    }

    /**
     * No estimate, and why (front ends word it, see {@code dev.tally.status}).
     *
     * @param why            the reason
     * @param topUpCurrency  the top-up's currency
     * @param spendCurrency  the reported spend's currency, or {@code null} when no spend arrived
     */
    record Refused(Why why, String topUpCurrency, String spendCurrency) implements EstimatedBalance {
        public Refused {
            Objects.requireNonNull(why, "why");
            Objects.requireNonNull(topUpCurrency, "topUpCurrency");
        }
    }

    /**
     * The estimate from a known top-up and the last reported spend.
     *
     * @param topUp the newest known top-up, or {@code null}
     * @param spend the last provider-reported spend, or {@code null} when none arrived yet
     * @return {@code null} when there is no top-up (nothing to estimate); a {@link Refused} when there is one but no
     *         usable spend since it
     */
    public static EstimatedBalance of(KnownTopUp topUp, SpendReport spend) {
        if (topUp == null) {
            return null;
        }
        String currency = topUp.amount().currency();
        SpendSince since = spend == null ? null : spend.since();
        if (since == null || !since.asked().equals(topUp.at())) {
            boolean tooOld = spend != null && spend.to() != null && since == null
                    && topUp.at().isBefore(spend.to().minus(MAX_AGE));
            return new Refused(tooOld ? Why.TOO_OLD : Why.WAITING, currency,
                    spend == null ? null : spend.amount().currency());
        }
        if (!since.amount().currency().equals(currency)) {
            return new Refused(Why.CURRENCY, currency, since.amount().currency());
        }
        return new Known(topUp.amount().minus(since.amount()), topUp, since.amount(), since.from(), since.to(),
                since.bucketEnd());
    }

    /** Top-ups older than this are not asked about (the providers' reports would take too many pages). */
    java.time.Duration MAX_AGE = java.time.Duration.ofDays(400);
}
