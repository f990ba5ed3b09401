package dev.tally.history;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A check of two ways of knowing what an account spent, where both exist for the same account and period: the drops
 * of the balance Tally fetched (e.g. OpenRouter's {@code /credits}) against the usage the provider reports (the key's
 * {@code usage}). A large difference points to another key, a leaked key, a bug or untracked usage. Only steps that
 * carry both figures count, and a step with a top-up in it (the balance fell less than the usage explains, which is how
 * the estimator finds top-ups) or a usage counter reset is left out, as in the estimator; so what is found is a balance
 * that went down more than the reported usage. Pure; exact {@link BigDecimal}; one currency. Immutable.
 *
 * @param fromBalance spend seen as balance drops over the counted steps
 * @param reported    provider-reported usage over the same steps
 * @param since       the first counted step's start, or {@code null} when nothing could be counted
 * @param covered     how long the counted steps cover
 */
public record Reconciliation(BigDecimal fromBalance, BigDecimal reported, Instant since, Duration covered) {
    /** Default tolerance: 10 % of the reported spend … */
    public static final BigDecimal TOLERANCE_FRACTION = new BigDecimal("0.10");
    /** … and at least one unit of the currency. */
    public static final BigDecimal TOLERANCE_MIN = BigDecimal.ONE;
    /** A verdict needs this much of the period covered (a day). */
    public static final Duration MIN_COVERED = Duration.ofDays(1);

    public Reconciliation {
        Objects.requireNonNull(fromBalance, "fromBalance");
        Objects.requireNonNull(reported, "reported");
        Objects.requireNonNull(covered, "covered");
    }

    /** Balance drops minus reported usage: positive when the balance went down more than the usage says. */
    public BigDecimal difference() {
        return fromBalance.subtract(reported);
    }

    /**
     * True when the counted steps cover at least {@link #MIN_COVERED} and the difference is above both 10 % of the
     * reported spend and one unit.
     */
    public boolean disagrees() {
        if (covered.compareTo(MIN_COVERED) < 0) {
            return false;
        }
        BigDecimal diff = difference().abs();
        BigDecimal tenPercent = reported.abs().multiply(TOLERANCE_FRACTION);
        return diff.compareTo(tenPercent) > 0 && diff.compareTo(TOLERANCE_MIN) >= 0;
    }

    /** The period balance drops and reported usage are compared over. */
    public static final Duration WINDOW = Duration.ofDays(1).plusHours(1);

    /** True when the counted steps cover enough time ({@link #MIN_COVERED}) for a verdict either way. */
    public boolean decided() {
        return covered.compareTo(MIN_COVERED) >= 0;
    }

    /**
     * The check over the last {@link #WINDOW} in {@code currency}, from the account's history, or {@code null} when
     * the account has no snapshot there with both a balance and a reported usage (a provider that reports only one).
     * Blocking (reads SQLite).
     */
    public static Reconciliation recent(HistoryReader store, String accountId, String currency, Instant now) {
        List<BalancePoint> recent = store.observations(accountId, currency, now.minus(WINDOW), now).stream()
                .filter(o -> o instanceof BalancePoint).map(o -> (BalancePoint) o).toList();
        return recent.stream().anyMatch(p -> p.balance() != null && p.usage() != null && !p.underLimit())
                ? of(recent) : null;
    }

    /** Counts the steps between successive points of one currency (oldest first). */
    public static Reconciliation of(List<BalancePoint> points) {
        BigDecimal drops = BigDecimal.ZERO;
        BigDecimal usage = BigDecimal.ZERO;
        Instant since = null;
        Duration covered = Duration.ZERO;
        for (int i = 1; i < points.size(); i++) {
            BalancePoint a = points.get(i - 1);
            BalancePoint b = points.get(i);
            // what is left under a key's limit is limit − usage: it always agrees with the usage, so it checks nothing
            if (a.balance() == null || b.balance() == null || a.usage() == null || b.usage() == null
                    || a.underLimit() || b.underLimit()) {
                continue;
            }
            BigDecimal used = b.usage().subtract(a.usage());
            BigDecimal drop = a.balance().subtract(b.balance());
            if (used.signum() < 0 || drop.compareTo(used) < 0) {
                // a usage reset, or a top-up (the balance fell less than the usage explains, as the estimator
                // reads it): neither says anything about agreement
                continue;
            }
            drops = drops.add(drop);
            usage = usage.add(used);
            since = since == null ? a.at() : since;
            covered = covered.plus(Duration.between(a.at(), b.at()));
        }
        return new Reconciliation(drops, usage, since, covered);
    }
}
