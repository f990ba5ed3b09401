package dev.tally.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * One stored provider-reported spend figure (spend-only providers such as OpenAI and Anthropic report what was
 * spent since the start of the month, not a balance).
 *
 * @param at     when it was fetched
 * @param amount what the provider reported as spent over the period, exact
 * @param period the period's contract name, e.g. {@code month-to-date}
 * @param from   the start of the period, or {@code null} when not stored
 */
public record SpendPoint(Instant at, BigDecimal amount, String period, Instant from) {
    public SpendPoint {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
    }

    /** The UTC month the figure belongs to: that of the period's start, else of the fetch. */
    public YearMonth month() {
        return YearMonth.from((from != null ? from : at).atZone(ZoneOffset.UTC));
    }
}
