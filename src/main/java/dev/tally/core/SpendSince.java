package dev.tally.core;

import java.time.Instant;
import java.util.Objects;

/**
 * Provider-reported spend since an instant someone asked about (a known top-up), as whole reporting buckets allow.
 * Reports come in whole UTC days, so the count starts at {@code from}: {@code asked} itself when it is the start of a
 * bucket, else the start of the next one (the rest of the day of {@code asked} is then not counted). Immutable.
 *
 * @param amount    exact spend in the provider's currency over {@code [from, to)}
 * @param asked     the instant asked about
 * @param from      where counting started (at or after {@code asked}); may lie after {@code to} when no whole bucket
 *                  has begun yet, and {@code amount} is then zero
 * @param to        the end of what was counted (the fetch time)
 * @param bucketEnd true when {@code from} was moved to the next bucket, because buckets are whole days
 */
public record SpendSince(Money amount, Instant asked, Instant from, Instant to, boolean bucketEnd) {
    public SpendSince {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(asked, "asked");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isBefore(asked)) {
            throw new IllegalArgumentException("spend since " + asked + " cannot be counted from the earlier " + from);
        }
    }
}
