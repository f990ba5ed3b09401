package dev.tally.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * What one successful fetch said about one currency of one account.
 *
 * @param at      when it was fetched (UTC)
 * @param balance the account balance in that currency, or {@code null} when the fetch carried none
 *                (e.g. an OpenRouter key without a management key: only the key's usage is known)
 * @param usage   provider-reported cumulative usage (the {@link dev.tally.core.KeyLimit#usage()} of an
 *                OpenRouter key), or {@code null}; it may reset to a smaller value
 */
public record BalancePoint(Instant at, BigDecimal balance, BigDecimal usage) implements Observation {

    public BalancePoint {
        Objects.requireNonNull(at, "at");
        if (balance == null && usage == null) {
            throw new IllegalArgumentException("a point needs a balance or a usage figure");
        }
    }

    @Override
    public Instant start() {
        return at;
    }

    @Override
    public Instant end() {
        return at;
    }

    @Override
    public BalancePoint endState() {
        return this;
    }
}
