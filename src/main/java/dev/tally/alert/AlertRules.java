package dev.tally.alert;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides which alerts a poll result raises, so that each one is said once:
 * <ul>
 *   <li><b>Low balance</b>: a <em>successful</em> poll shows the balance in the threshold's currency
 *       strictly below the account's threshold. For an account known only through a key with a cap
 *       (OpenRouter without a management key: no balance, only a key limit) what is left under the cap
 *       (limit − usage) stands for the balance; a key without a cap never alerts low. Fires once per crossing; re-armed only when a later
 *       successful poll shows the balance above threshold + band (default 10 % of the threshold), so a
 *       balance wobbling around the threshold alerts once. A threshold in a currency the snapshot does
 *       not carry decides nothing. Failures never raise or re-arm it.</li>
 *   <li><b>Exhausted</b>: the provider says the account is unavailable, every balance is at or below
 *       zero, or (key-only accounts) the key's cap is used up. Once, until a successful poll shows it
 *       recovered. When it fires, a low-balance alert from the same poll is recorded but not repeated.</li>
 *   <li><b>Key rejected</b>: a poll fails with {@code auth_failed}, or with {@code forbidden} (the key
 *       works but lacks the permission; the account is paused just the same). Once per outage, whichever
 *       of the two; re-armed by the next success.</li>
 * </ul>
 * A <b>partial</b> success (OpenRouter with two keys, one failing: {@link BalanceSnapshot#problem()}) counts as a
 * failure for the key that failed — a rejected key alerts once, as above — and decides only what it carries: a
 * threshold whose balance is missing from it decides nothing (the key's own cap does not stand in for it), and
 * missing data re-arms nothing.
 * Besides the alerts, {@link #evaluateSuccess} and {@link #evaluateFailure} say the {@link Transition}s that alert
 * hooks are told about:
 * <ul>
 *   <li><b>Fetch failed</b>: {@link #DEFAULT_FAILURE_STREAK} or more checks in a row failed for another reason than
 *       the key (network, timeout, rate limit, provider error, bad answer). Once per outage, re-armed by a
 *       success.</li>
 *   <li><b>Recovered</b>: a complete successful check ended a fetch-failed, key-rejected, exhausted or low-balance
 *       state that had been announced (one transition naming them all).</li>
 * </ul>
 * What has fired is kept as {@link AlertMark}s in the given {@link AlertMarks} (the history file's alert state),
 * so a relaunch does not announce it again. The caller hands the returned alerts to a {@link Notifier}.
 *
 * <p>Thread-safe (calls are serialised); blocking: every call reads and may write the marks (for the history
 * file: disk I/O), so call it from a background thread. Whatever the marks throw when they cannot be read or
 * written (the history file's {@code HistoryException}) is let through.
 */
public final class AlertRules {
    /** Default re-arm band: 10 % of the threshold. */
    public static final BigDecimal DEFAULT_BAND = new BigDecimal("0.10");
    static final String LOW_BALANCE = "low_balance";
    static final String EXHAUSTED = "exhausted";
    static final String KEY_REJECTED = "key_rejected";
    static final String ESTIMATE_LOW = "estimate_low";
    static final String ESTIMATE_USED_UP = "estimate_used_up";
    static final String FETCH_FAILED = "fetch_failed";
    static final String SPEND_DISAGREES = "spend_disagrees";
    /** Failures in a row before {@code fetch_failed} is said. */
    public static final int DEFAULT_FAILURE_STREAK = 3;

    /** What one check raised: alerts for people, transitions for hooks. Never {@code null}. */
    public record Result(List<Alert> alerts, List<Transition> transitions) {
        public Result {
            alerts = List.copyOf(alerts);
            transitions = List.copyOf(transitions);
        }
    }

    private final AlertMarks marks;
    private final BigDecimal band;
    private final Clock clock;
    private int failureStreak = DEFAULT_FAILURE_STREAK;
    /** While {@link #evaluateSuccess} runs (under the lock): the rules it re-armed. */
    private List<String> cleared;

    /** @param marks where what has fired is kept (in the app: the history file's) */
    public AlertRules(AlertMarks marks) {
        this(marks, DEFAULT_BAND, Clock.systemUTC());
    }

    /**
     * @param marks        where what has fired is kept (in the app: the history file's)
     * @param bandFraction re-arm band as a fraction of the threshold, e.g. {@code 0.10}; not negative
     * @param clock        stamps the key-rejected state (a failure carries no time of its own)
     */
    public AlertRules(AlertMarks marks, BigDecimal bandFraction, Clock clock) {
        this.marks = Objects.requireNonNull(marks, "marks");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(bandFraction, "bandFraction");
        if (bandFraction.signum() < 0) {
            throw new IllegalArgumentException("the re-arm band cannot be negative");
        }
        this.band = bandFraction;
    }

    /**
     * Evaluates a successful poll.
     *
     * @param label     how the account is shown, e.g. {@code DeepSeek (work)}
     * @param threshold the account's low-balance threshold, or {@code null} for none
     * @return the alerts to announce now, possibly empty; never {@code null}
     */
    public synchronized List<Alert> onSuccess(String accountId, String label, Money threshold, BalanceSnapshot snapshot) {
        return evaluateSuccess(accountId, label, threshold, snapshot).alerts();
    }

    /** {@link #onSuccess}, with the transitions for hooks: a complete answer re-arms fetch-failed and may end states. */
    public synchronized Result evaluateSuccess(String accountId, String label, Money threshold, BalanceSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        List<String> ended = new ArrayList<>();
        cleared = ended;
        List<Alert> alerts;
        try {
            if (!snapshot.partial()) {
                clear(accountId, FETCH_FAILED);
            }
            alerts = successAlerts(accountId, label, threshold, snapshot);
        } finally {
            cleared = null;
        }
        List<Transition> transitions = ended.isEmpty() ? List.of()
                : List.of(new Transition.Recovered(accountId, label, ended));
        return new Result(alerts, transitions);
    }

    /**
     * {@link #onFailure}, with the transitions for hooks.
     *
     * @param failures how many checks in a row have failed, this one included (0 when unknown: no fetch-failed)
     */
    public synchronized Result evaluateFailure(String accountId, String label, FetchError error, int failures) {
        List<Alert> alerts = onFailure(accountId, label, error);
        boolean counts = !(error instanceof FetchError.AuthFailed || error instanceof FetchError.Forbidden
                || error instanceof FetchError.NoKey || error instanceof FetchError.Unsupported);
        if (!counts || failures < failureStreak || marks.find(accountId, FETCH_FAILED).isPresent()) {
            return new Result(alerts, List.of());
        }
        marks.put(new AlertMark(accountId, FETCH_FAILED, null, BigDecimal.valueOf(failures), clock.instant()));
        return new Result(alerts, List.of(new Transition.FetchFailed(accountId, label, failures, error)));
    }

    private List<Alert> successAlerts(String accountId, String label, Money threshold, BalanceSnapshot snapshot) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(snapshot, "snapshot");
        List<Alert> alerts = new ArrayList<>();
        boolean partial = snapshot.partial();
        if (partial) {
            alerts.addAll(onFailure(accountId, label, snapshot.problem()));
        } else {
            clear(accountId, KEY_REJECTED);
        }

        boolean exhaustedNow = false;
        Exhaustion exhausted = exhaustion(snapshot);
        if (exhausted != null) {
            if (marks.find(accountId, EXHAUSTED).isEmpty()) {
                marks.put(new AlertMark(accountId, EXHAUSTED, exhausted.currency(), null, snapshot.fetchedAt()));
                alerts.add(new Alert.Exhausted(accountId, label, exhausted.currency()));
                exhaustedNow = true;
            }
        } else if (!partial) {
            clear(accountId, EXHAUSTED);
        }

        if (threshold == null) {
            clear(accountId, LOW_BALANCE);
            return alerts;
        }
        Optional<CurrencyBalance> balance = snapshot.balances().stream()
                .filter(b -> b.currency().equals(threshold.currency())).findFirst();
        BigDecimal amount;
        if (balance.isPresent()) {
            amount = balance.get().total();
        } else {
            KeyLimit k = snapshot.keyLimit();
            if (partial || !snapshot.balances().isEmpty() || k == null || !k.currency().equals(threshold.currency())) {
                return alerts;
            }
            if (k.unlimited()) {
                // a key without a cap never runs low by itself; a cap set later starts from an armed alert
                clear(accountId, LOW_BALANCE);
                return alerts;
            }
            amount = keyRemaining(k);
            if (amount == null) {
                return alerts;
            }
        }
        Optional<AlertMark> mark = marks.find(accountId, LOW_BALANCE)
                .filter(m -> threshold.currency().equals(m.currency()));
        if (amount.compareTo(threshold.amount()) < 0) {
            if (mark.isEmpty()) {
                marks.put(new AlertMark(accountId, LOW_BALANCE, threshold.currency(), amount, snapshot.fetchedAt()));
                if (!exhaustedNow) {
                    alerts.add(new Alert.LowBalance(accountId, label, new Money(amount, threshold.currency()), threshold));
                }
            }
        } else if (amount.compareTo(rearmLevel(threshold.amount())) > 0) {
            clear(accountId, LOW_BALANCE);
        }
        return alerts;
    }

    /**
     * Evaluates an estimated balance (a known top-up minus the provider-reported spend, for providers that report no
     * balance) after a successful poll, with the same once-per-crossing rules as a balance, under marks of its own:
     * below the threshold alerts once ({@link Alert.EstimateLow}) and re-arms above threshold + band; zero or below
     * alerts once ({@link Alert.EstimateUsedUp}) until the estimate is above zero again (a new top-up). An estimate in
     * another currency than the threshold decides nothing about the threshold.
     *
     * @param threshold the account's alert level, or {@code null}
     * @param estimate  the estimated balance
     * @param at        when the spend behind it was fetched
     * @return the alerts to announce now, possibly empty; never {@code null}
     */
    public synchronized List<Alert> onEstimate(String accountId, String label, Money threshold, Money estimate,
                                               java.time.Instant at) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(estimate, "estimate");
        Objects.requireNonNull(at, "at");
        List<Alert> alerts = new ArrayList<>();
        boolean usedUpNow = false;
        if (estimate.amount().signum() <= 0) {
            if (marks.find(accountId, ESTIMATE_USED_UP).isEmpty()) {
                marks.put(new AlertMark(accountId, ESTIMATE_USED_UP, estimate.currency(), estimate.amount(), at));
                alerts.add(new Alert.EstimateUsedUp(accountId, label));
                usedUpNow = true;
            }
        } else {
            clear(accountId, ESTIMATE_USED_UP);
        }
        if (threshold == null) {
            clear(accountId, ESTIMATE_LOW);
            return alerts;
        }
        if (!threshold.currency().equals(estimate.currency())) {
            return alerts;
        }
        if (estimate.amount().compareTo(threshold.amount()) < 0) {
            if (marks.find(accountId, ESTIMATE_LOW).isEmpty()) {
                marks.put(new AlertMark(accountId, ESTIMATE_LOW, estimate.currency(), estimate.amount(), at));
                if (!usedUpNow) {
                    alerts.add(new Alert.EstimateLow(accountId, label, estimate, threshold));
                }
            }
        } else if (estimate.amount().compareTo(rearmLevel(threshold.amount())) > 0) {
            clear(accountId, ESTIMATE_LOW);
        }
        return alerts;
    }

    /**
     * Evaluates a check of the balance's drops against the usage the provider reports over the last day (see
     * {@code history.Reconciliation}), once per crossing like a balance: a disagreement beyond the tolerance alerts once
     * ({@link Alert.SpendDisagrees}) and is re-armed when a later check agrees again. A check that covers too little
     * time decides nothing.
     *
     * @param disagrees  whether the check found a disagreement; {@code null} when it covered too little to tell
     * @param difference how much more the balance fell than the reported usage (for the wording)
     * @param since      the start of the compared period
     * @return the alerts to announce now, possibly empty; never {@code null}
     */
    public synchronized List<Alert> onSpendCheck(String accountId, String label, Boolean disagrees, Money difference,
                                                 java.time.Instant since, java.time.Instant at) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(label, "label");
        if (disagrees == null) {
            return List.of();
        }
        if (!disagrees) {
            clear(accountId, SPEND_DISAGREES);
            return List.of();
        }
        Objects.requireNonNull(difference, "difference");
        if (marks.find(accountId, SPEND_DISAGREES).isPresent()) {
            return List.of();
        }
        marks.put(new AlertMark(accountId, SPEND_DISAGREES, difference.currency(), difference.amount(), at));
        return List.of(new Alert.SpendDisagrees(accountId, label, difference, since));
    }

    /**
     * Evaluates a failed poll. Only {@code auth_failed} and {@code forbidden} can alert (once per outage); no failure ever
     * raises or re-arms a balance alert.
     *
     * @return the alerts to announce now, possibly empty; never {@code null}
     */
    public synchronized List<Alert> onFailure(String accountId, String label, FetchError error) {
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(error, "error");
        boolean lacksPermission = error instanceof FetchError.Forbidden;
        if (!(error instanceof FetchError.AuthFailed) && !lacksPermission) {
            return List.of();
        }
        if (marks.find(accountId, KEY_REJECTED).isPresent()) {
            return List.of();
        }
        marks.put(new AlertMark(accountId, KEY_REJECTED, null, null, clock.instant()));
        return List.of(new Alert.KeyRejected(accountId, label, error.message(), lacksPermission, error.remedy()));
    }

    /** How many failures in a row make a fetch-failed transition (at least 1). Returns this. */
    public synchronized AlertRules failureStreak(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("the failure streak must be at least 1");
        }
        this.failureStreak = failures;
        return this;
    }

    /** What is left under a key's cap: as reported, else cap − usage; {@code null} when neither is known. */
    private static BigDecimal keyRemaining(KeyLimit k) {
        if (k.remaining() != null) {
            return k.remaining();
        }
        return k.limit() != null && k.usage() != null ? k.limit().subtract(k.usage()) : null;
    }

    /** The balance must rise above this to re-arm the low-balance alert. */
    BigDecimal rearmLevel(BigDecimal threshold) {
        return threshold.add(threshold.abs().multiply(band));
    }

    /** Why an account cannot make calls; {@code currency} is {@code null} when the provider only said so. */
    private record Exhaustion(String currency) {
    }

    /** {@code null} when the account is usable. */
    private static Exhaustion exhaustion(BalanceSnapshot s) {
        List<CurrencyBalance> balances = s.balances();
        String empty = balances.stream().filter(b -> b.total().signum() <= 0)
                .map(CurrencyBalance::currency).findFirst().orElse(null);
        if (Boolean.FALSE.equals(s.available())) {
            return new Exhaustion(empty);
        }
        if (!balances.isEmpty() && balances.stream().allMatch(b -> b.total().signum() <= 0)) {
            return new Exhaustion(empty);
        }
        KeyLimit k = s.keyLimit();
        if (!s.partial() && balances.isEmpty() && k != null && k.limit() != null && k.remaining() != null && k.remaining().signum() <= 0) {
            return new Exhaustion(k.currency());
        }
        return null;
    }

    private void clear(String accountId, String rule) {
        if (marks.find(accountId, rule).isPresent()) {
            marks.clear(accountId, rule);
            if (cleared != null) {
                cleared.add(rule);
            }
        }
    }
}
