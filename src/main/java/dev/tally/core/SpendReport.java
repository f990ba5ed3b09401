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
 */
public record SpendReport(Money amount, String period, Instant from, Instant to) {
    public static final String MONTH_TO_DATE = "month-to-date";

    public SpendReport {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(period, "period");
    }
}
