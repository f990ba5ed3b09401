package dev.tally.poll;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;

import java.time.Instant;

/** The result of asking about one target: a snapshot or a typed error. Immutable. */
public sealed interface FetchOutcome {
    FetchTarget target();

    Instant at();

    AccountStatus status();

    record Success(FetchTarget target, Instant at, BalanceSnapshot snapshot) implements FetchOutcome {
        public AccountStatus status() {
            return AccountStatus.OK;
        }
    }

    record Failure(FetchTarget target, Instant at, FetchError error) implements FetchOutcome {
        public AccountStatus status() {
            return error.status();
        }
    }
}
