package dev.tally.history;

import dev.tally.core.AccountStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * The result of one poll of one account, as stored.
 *
 * @param message the human-readable error message, or {@code null} (always {@code null} for {@code ok})
 */
public record PollOutcome(String accountId, Instant at, AccountStatus status, String message) {
    public PollOutcome {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(status, "status");
    }
}
