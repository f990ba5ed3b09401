package dev.tally.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * Money that arrived on an account (a top-up, grant or refund) as seen between two snapshots.
 *
 * @param at         when it was first seen (the later snapshot of the step; for a folded day, the
 *                   last step of that day that had one)
 * @param amount     how much, never negative; from balances alone it is net of any spending in the
 *                   same step, so it can be lower than what was really added
 * @param exact      computed from balance and provider-reported usage together, so not net of spending
 * @param count      number of top-ups summed into {@code amount} (more than one only for a folded day)
 */
public record TopUp(Instant at, BigDecimal amount, boolean exact, int count) {
    public TopUp {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(amount, "amount");
    }
}
