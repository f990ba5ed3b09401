package dev.tally.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Provider-reported spend over a period (not an estimate), for spend-only providers such as
 * OpenAI and Anthropic.
 *
 * @param amount exact spend in the provider's currency
 * @param period the contract name of the period, e.g. {@value #MONTH_TO_DATE}
 * @param from   inclusive start of the period (UTC)
 * @param to     exclusive end of what was counted (UTC)
 * @param since  spend since a known top-up, when one was asked for, or {@code null}
 */
public record SpendReport(Money amount, String period, Instant from, Instant to, SpendSince since) {
    public static final String MONTH_TO_DATE = "month-to-date";

    /** A report without spend since a top-up. */
    public SpendReport(Money amount, String period, Instant from, Instant to) {
        this(amount, period, from, to, null);
    }

    public SpendReport {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(period, "period");
    }
}
