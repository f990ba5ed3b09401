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
 * @param underLimit true when {@code balance} is not an account balance but what is left under a key's limit (the
 *                limit minus the key's spend: Requesty, LiteLLM, new-api, an OpenRouter key without a management key).
 *                The limit is then {@code balance + usage}; a budget that resets brings {@code balance} back up without
 *                any money added, so the estimator reads a rise as a top-up only where the limit itself was raised
 */
public record BalancePoint(Instant at, BigDecimal balance, BigDecimal usage, boolean underLimit) implements Observation {

    /** A point whose balance (if any) is the account's own. */
    public BalancePoint(Instant at, BigDecimal balance, BigDecimal usage) {
        this(at, balance, usage, false);
    }

    public BalancePoint {
        Objects.requireNonNull(at, "at");
        if (balance == null && usage == null) {
            throw new IllegalArgumentException("a point needs a balance or a usage figure");
        }
        if (underLimit && balance == null) {
            throw new IllegalArgumentException("a point under a key limit needs what is left under it");
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
