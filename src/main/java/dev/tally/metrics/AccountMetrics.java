package dev.tally.metrics;

import dev.tally.account.Account;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Money;
import dev.tally.history.HistoryReader;
import dev.tally.history.PollOutcome;
import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the metrics say about one account. Immutable.
 *
 * @param account       account id (as configured: lower-case letters, digits, dashes)
 * @param provider      provider id
 * @param threshold     the low-balance alert level, or {@code null}
 * @param lastGood      the last successful snapshot, or {@code null}
 * @param lastStatus    the status of the latest check, or {@code null} when never checked
 * @param week          spend over the last 7 days per currency (from the history); empty when unknown
 */
public record AccountMetrics(String account, String provider, Money threshold, BalanceSnapshot lastGood,
                             AccountStatus lastStatus, List<WeekSummary> week) {
    public AccountMetrics {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(provider, "provider");
        week = week == null ? List.of() : List.copyOf(week);
    }

    /** When the last successful check was, or {@code null}. */
    public Instant lastSuccessAt() {
        return lastGood == null ? null : lastGood.fetchedAt();
    }

    /**
     * From the running engine: the poller's state, plus the week's spend from the history. Blocking (SQLite); a
     * history that cannot be read leaves the spend out.
     */
    public static AccountMetrics of(AccountState state, HistoryReader history, Instant now) {
        Account a = state.target().account();
        String id = state.target().id();
        return new AccountMetrics(id, state.target().info().id().value(), a == null ? null : a.threshold(),
                state.lastGood(), state.lastStatus(), week(history, id, state.interval(), now));
    }

    /** From the history alone ({@code tally status --format prometheus}). Blocking (SQLite). */
    public static AccountMetrics of(Account a, HistoryReader history, Instant now) {
        Optional<BalanceSnapshot> last = history.lastSnapshot(a.id());
        AccountStatus status = history.lastOutcome(a.id()).map(PollOutcome::status)
                .orElse(last.isPresent() ? AccountStatus.OK : null);
        return new AccountMetrics(a.id(), a.provider().value(), a.threshold(), last.orElse(null), status,
                week(history, a.id(), Duration.ofMinutes(a.intervalMinutes()), now));
    }

    private static List<WeekSummary> week(HistoryReader history, String id, Duration interval, Instant now) {
        if (history == null) {
            return List.of();
        }
        try {
            return WeekSummary.of(history, id, interval, now);
        } catch (RuntimeException e) {
            System.getLogger(AccountMetrics.class.getName()).log(System.Logger.Level.WARNING,
                    "no spend for the metrics of " + id + ": " + e.getMessage());
            return List.of();
        }
    }
}
