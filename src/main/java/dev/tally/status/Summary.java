package dev.tally.status;

import dev.tally.core.FetchError;
import dev.tally.poll.AccountState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How every account is doing, computed once from the poller's account states at one instant: the tray's icon,
 * tooltip and menu are all drawn from one summary, so they never disagree. Immutable, plain Java: build it on any
 * thread.
 *
 * <p>Per account ({@link AccountSummary}), the state is the worst that applies:
 * <ul>
 *   <li>{@link State#ERROR}: the last poll failed because the key was rejected or lacks scope, there is no
 *       key, or the provider answered wrongly (bad response, provider error); or the provider says the account is
 *       not available although money is left.</li>
 *   <li>{@link State#EMPTY}: the last good balance is used up (every balance is {@code <= 0}, or a key limit has
 *       nothing remaining), or the estimate from a known top-up is used up.</li>
 *   <li>{@link State#LOW}: the last good balance in the threshold's currency is below the account's
 *       threshold (for key-limit-only snapshots: the key's remaining amount).</li>
 *   <li>{@link State#STALE}: a balance is shown but it is older than twice the interval, or the last
 *       poll failed for a passing reason (timeout, network error, rate limited).</li>
 *   <li>{@link State#NO_DATA}: nothing fetched yet, or only passing failures so far, or the provider has no
 *       balance API.</li>
 *   <li>{@link State#OK}: otherwise.</li>
 * </ul>
 * The overall state is the worst over all accounts, except that accounts whose provider has no balance
 * API do not count (they would keep the icon grey forever). With no accounts it is {@link State#NO_DATA}.
 *
 * @param accounts one line per account, in the order given
 * @param overall  what the icon shows
 */
public record Summary(List<AccountSummary> accounts, State overall) {

    public Summary {
        accounts = List.copyOf(accounts);
        Objects.requireNonNull(overall, "overall");
    }

    /** Computes the summary of {@code states} at {@code now}. Never throws for any poller state. */
    public static Summary of(List<AccountState> states, Instant now) {
        List<AccountSummary> lines = new ArrayList<>();
        List<State> counted = new ArrayList<>();
        for (AccountState s : states) {
            lines.add(AccountSummary.of(s, now));
            if (!(s.lastError() instanceof FetchError.Unsupported)) {
                counted.add(lines.getLast().state());
            }
        }
        return new Summary(lines, State.worst(counted));
    }

    /** The accounts, most urgent state first; accounts in the same state keep their order. */
    public List<AccountSummary> worstFirst() {
        List<AccountSummary> out = new ArrayList<>(accounts);
        out.sort((a, b) -> b.state().compareTo(a.state()));
        return List.copyOf(out);
    }
}
