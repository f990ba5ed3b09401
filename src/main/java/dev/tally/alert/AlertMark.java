package dev.tally.alert;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A persisted note that an alert rule has fired for an account and is not yet re-armed. Owned by
 * {@link AlertRules}; an {@link AlertMarks} store only keeps it.
 *
 * @param rule     the rule's name, e.g. {@code low_balance}
 * @param currency the currency the rule fired for, or {@code null}
 * @param amount   the amount that made it fire (e.g. the threshold), or {@code null}
 * @param at       when it fired
 */
public record AlertMark(String accountId, String rule, String currency, BigDecimal amount, Instant at) {
    public AlertMark {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(at, "at");
    }
}
