package dev.tally.poll;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;

import java.time.Duration;
import java.time.Instant;

/**
 * What the poller knows about one account at a moment. Immutable; a new one is published after each poll.
 *
 * @param target     the account
 * @param lastGood   the last successful snapshot (kept across failures), or {@code null}
 * @param lastError  the error of the most recent poll if it failed, else {@code null}
 * @param lastPollAt when the most recent poll finished, or {@code null}
 * @param nextPollAt when the next automatic poll is due, or {@code null} when paused or not scheduled
 * @param paused     true when automatic polls wait for a key/config change or a manual refresh
 * @param failures   consecutive failures
 */
public record AccountState(FetchTarget target, BalanceSnapshot lastGood, FetchError lastError, Instant lastPollAt,
                           Instant nextPollAt, boolean paused, int failures) {

    public Duration interval() {
        return Duration.ofMinutes(target.account() == null ? 5 : target.account().intervalMinutes());
    }

    public AccountStatus lastStatus() {
        if (lastError != null) {
            return lastError.status();
        }
        return lastPollAt == null && lastGood == null ? null : AccountStatus.OK;
    }

    public Health health(Instant now) {
        return Health.of(lastGood == null ? null : lastGood.fetchedAt(), lastStatus(), interval(), now);
    }

    /** The shown number is old or the last poll failed. */
    public boolean stale(Instant now) {
        return Health.staleValue(lastGood == null ? null : lastGood.fetchedAt(), lastStatus(), interval(), now);
    }
}
