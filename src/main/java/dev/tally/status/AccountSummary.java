package dev.tally.status;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.estimate.EstimatedBalance;
import dev.tally.poll.AccountState;
import dev.tally.poll.Health;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One account at one instant, as every front end sees it: its {@link State}, the value to show, and what is wrong.
 * See {@link Summary} for how the state is chosen. Immutable.
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
 * @param error     the last poll's error, or {@code null} when it succeeded (or there was none yet)
 * @param estimate  the estimated balance from a known top-up ({@link Estimates}), or {@code null} when the account
 *                  has none; {@code low} also counts an estimate below the threshold
 */
public record AccountSummary(String id, String label, State state, BalanceSnapshot value, Money threshold,
                             boolean low, String problem, Instant problemAt, FetchError error,
                             EstimatedBalance estimate) {
    public AccountSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(state, "state");
    }

    /** Worst state first ({@link State#ERROR}, {@link State#EMPTY}, {@link State#LOW}, …), then by label, then id. */
    public static final java.util.Comparator<AccountSummary> WORST_FIRST = java.util.Comparator
            .comparing(AccountSummary::state, java.util.Comparator.reverseOrder())
            .thenComparing(AccountSummary::label, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(AccountSummary::id);

    /** True when the shown value is used up (the balance, a key's limit or the estimate): {@link State#EMPTY} or worse. */
    public boolean empty() {
        return balanceUsedUp() || estimate instanceof EstimatedBalance.Known k && k.usedUp();
    }

    /** True when the reported balance itself is used up (every balance at or below zero, or a key limit spent). */
    public boolean balanceUsedUp() {
        return value != null && exhausted(value) && !(Boolean.FALSE.equals(value.available()) && !allSpent(value));
    }

    /** This summary under another label (e.g. one cut short for a menu row); everything else as it is. */
    public AccountSummary withLabel(String newLabel) {
        return new AccountSummary(id, newLabel, state, value, threshold, low, problem, problemAt, error, estimate);
    }

    /** When the shown value was fetched, or {@code null} when there is none. */
    public Instant valueAt() {
        return value == null ? null : value.fetchedAt();
    }

    /** The summary of {@code s} at {@code now}. Never throws for any poller state. */
    public static AccountSummary of(AccountState s, Instant now) {
        BalanceSnapshot value = s.lastGood();
        FetchError error = s.lastError();
        Money threshold = s.target().account() == null ? null : s.target().account().threshold();
        State state = State.OK;
        String problem = null;
        Instant problemAt = s.lastPollAt();

        if (value == null) {
            state = State.NO_DATA;
        } else if (Health.isOld(value.fetchedAt(), s.interval(), now)) {
            state = State.STALE;
        }
        EstimatedBalance estimate = Estimates.of(s.target().account(), value);
        boolean low = value != null && threshold != null && (below(value, threshold) || Estimates.below(estimate, threshold));
        if (low) {
            state = state.worse(State.LOW);
        }
        if (estimate instanceof EstimatedBalance.Known k && k.usedUp()) {
            // a used-up estimate is unverified (it asks for a look at the console), but it means the same: top up
            state = state.worse(State.EMPTY);
        }
        if (value != null && exhausted(value)) {
            boolean notAvailable = Boolean.FALSE.equals(value.available()) && !allSpent(value);
            // money left that the provider will not let the account use is wrong, not used up
            state = state.worse(notAvailable ? State.ERROR : State.EMPTY);
            problem = notAvailable ? Phrase.LABEL_NOT_AVAILABLE.say() : Phrase.LABEL_EXHAUSTED.say();
            problemAt = value.fetchedAt();
        }
        if (error != null) {
            state = state.worse(errorState(error, value != null));
            problem = Problem.of(error).label();
            problemAt = s.lastPollAt();
        }
        return new AccountSummary(s.target().id(), s.target().label(), state, value, threshold, low, problem, problemAt,
                error, estimate);
    }

    private static State errorState(FetchError error, boolean hasValue) {
        Problem p = Problem.of(error);
        if (p == Problem.UNSUPPORTED) {
            return State.NO_DATA;
        }
        if (p.passing()) {
            return hasValue ? State.STALE : State.NO_DATA;
        }
        return State.ERROR;
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
