package dev.tally.tray;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.poll.AccountState;
import dev.tally.poll.Health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the tray shows, computed from the poller's account states at one instant. Immutable, plain Java:
 * build it on any thread and hand it to {@link TrayText} / {@link TrayMenu}.
 *
 * <p>Per account, the state is the worst that applies:
 * <ul>
 *   <li>{@link TrayState#ERROR}: the last poll failed because the key was rejected or lacks scope, there is no
 *       key, or the provider answered wrongly (bad response, provider error); or the last good balance is
 *       exhausted (the provider says it is not available, every balance is {@code <= 0}, or a key limit has
 *       nothing remaining).</li>
 *   <li>{@link TrayState#LOW}: the last good balance in the threshold's currency is below the account's
 *       threshold (for key-limit-only snapshots: the key's remaining amount).</li>
 *   <li>{@link TrayState#STALE}: a balance is shown but it is older than twice the interval, or the last
 *       poll failed for a passing reason (timeout, network error, rate limited).</li>
 *   <li>{@link TrayState#NO_DATA}: nothing fetched yet, or only passing failures so far, or the provider has no
 *       balance API.</li>
 *   <li>{@link TrayState#OK}: otherwise.</li>
 * </ul>
 * The overall state is the worst over all accounts, except that accounts whose provider has no balance
 * API do not count (they would keep the icon grey forever). With no accounts it is {@link TrayState#NO_DATA}.
 *
 * @param accounts one line per account, in the order given
 * @param overall  what the icon shows
 */
public record TraySummary(List<Line> accounts, TrayState overall) {

    public TraySummary {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(overall, "overall");
    }

    /**
     * One account as the tray sees it.
     *
     * @param id        account id
     * @param label     what people see, e.g. "DeepSeek (work)"
     * @param state     this account's state
     * @param value     the last good snapshot (kept across failures), or {@code null} when none yet
     * @param threshold the alert level, or {@code null}
     * @param low       true when {@code value} is below {@code threshold} (even if {@code state} is worse)
     * @param problem   a short human text such as "key rejected", "timed out", "exhausted", or {@code null}
     * @param problemAt when the problem was seen (the last poll, or the snapshot's time for "exhausted"), or
     *                  {@code null} when unknown
     */
    public record Line(String id, String label, TrayState state, BalanceSnapshot value, Money threshold,
                       boolean low, String problem, Instant problemAt) {
        public Line {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(state, "state");
        }

        /** When the shown value was fetched, or {@code null} when there is none. */
        public Instant valueAt() {
            return value == null ? null : value.fetchedAt();
        }
    }

    /** Computes the summary of {@code states} at {@code now}. Never throws for any poller state. */
    public static TraySummary of(List<AccountState> states, Instant now) {
        List<Line> lines = new ArrayList<>();
        List<TrayState> counted = new ArrayList<>();
        for (AccountState s : states) {
            lines.add(line(s, now));
            if (!(s.lastError() instanceof FetchError.Unsupported)) {
                counted.add(lines.getLast().state());
            }
        }
        return new TraySummary(lines, TrayState.worst(counted));
    }

    static Line line(AccountState s, Instant now) {
        BalanceSnapshot value = s.lastGood();
        FetchError error = s.lastError();
        Money threshold = s.target().account() == null ? null : s.target().account().threshold();
        TrayState state = TrayState.OK;
        String problem = null;
        Instant problemAt = s.lastPollAt();

        if (value == null) {
            state = TrayState.NO_DATA;
        } else if (Health.isOld(value.fetchedAt(), s.interval(), now)) {
            state = TrayState.STALE;
        }
        boolean low = value != null && threshold != null && below(value, threshold);
        if (low) {
            state = state.worse(TrayState.LOW);
        }
        if (value != null && exhausted(value)) {
            state = state.worse(TrayState.ERROR);
            problem = Boolean.FALSE.equals(value.available()) && !allSpent(value) ? "not available" : "exhausted";
            problemAt = value.fetchedAt();
        }
        if (error != null) {
            state = state.worse(errorState(error, value != null));
            problem = problemText(error);
            problemAt = s.lastPollAt();
        }
        return new Line(s.target().id(), s.target().label(), state, value, threshold, low, problem, problemAt);
    }

    private static TrayState errorState(FetchError error, boolean hasValue) {
        return switch (error) {
            case FetchError.Timeout t -> hasValue ? TrayState.STALE : TrayState.NO_DATA;
            case FetchError.NetworkError n -> hasValue ? TrayState.STALE : TrayState.NO_DATA;
            case FetchError.RateLimited r -> hasValue ? TrayState.STALE : TrayState.NO_DATA;
            case FetchError.Unsupported u -> TrayState.NO_DATA;
            case FetchError.AuthFailed a -> TrayState.ERROR;
            case FetchError.Forbidden f -> TrayState.ERROR;
            case FetchError.NoKey k -> TrayState.ERROR;
            case FetchError.BadResponse b -> TrayState.ERROR;
            case FetchError.ProviderError p -> TrayState.ERROR;
        };
    }

    /** A few words for the tray; the full message belongs on the card. */
    public static String problemText(FetchError error) {
        return switch (error) {
            case FetchError.AuthFailed a -> "key rejected";
            case FetchError.Forbidden f -> "key not allowed";
            case FetchError.NoKey k -> "no key";
            case FetchError.RateLimited r -> "rate limited";
            case FetchError.Timeout t -> "timed out";
            case FetchError.NetworkError n -> "network error";
            case FetchError.BadResponse b -> "unexpected response";
            case FetchError.ProviderError p -> "provider error";
            case FetchError.Unsupported u -> "balance check not supported";
        };
    }

    static boolean exhausted(BalanceSnapshot s) {
        if (Boolean.FALSE.equals(s.available())) {
            return true;
        }
        KeyLimit k = s.keyLimit();
        if (k != null && k.remaining() != null && k.remaining().signum() <= 0) {
            return true;
        }
        return allSpent(s);
    }

    private static boolean allSpent(BalanceSnapshot s) {
        return !s.balances().isEmpty() && s.balances().stream().allMatch(b -> b.total().signum() <= 0);
    }

    static boolean below(BalanceSnapshot s, Money threshold) {
        for (CurrencyBalance b : s.balances()) {
            if (b.currency().equals(threshold.currency())) {
                return b.total().compareTo(threshold.amount()) < 0;
            }
        }
        KeyLimit k = s.keyLimit();
        if (s.balances().isEmpty() && k != null && k.currency().equals(threshold.currency())) {
            BigDecimal remaining = k.remaining();
            return remaining != null && remaining.compareTo(threshold.amount()) < 0;
        }
        return false;
    }
}
