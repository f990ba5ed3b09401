package dev.tally.core;

import java.time.Instant;
import java.util.Objects;

/**
 * What a person says they had on an account right after a top-up, read from the provider's console: the basis of an
 * estimated balance where the provider reports spend but no balance. Stated, never fetched. Immutable.
 *
 * @param amount what was there after the top-up (not negative), in the currency the person gave
 * @param at     when; a date given without a time is the start of that day in UTC, like the providers' spend buckets
 */
public record KnownTopUp(Money amount, Instant at) {
    public KnownTopUp {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(at, "at");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a top-up cannot be negative");
        }
    }
}
