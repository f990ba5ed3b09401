package dev.tally.history;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What a balance card shows about spending in one currency over the last 7 days: a series for the
 * sparkline (6-hour buckets, {@code null} = no data, a gap — never zero), the total, whether it is an
 * estimate or provider-reported, the runway, and how much of the window the snapshots cover. Immutable.
 *
 * @param firstSample    the oldest snapshot inside the window (the total covers the time since then), or
 *                       {@code null} when unknown (taken as the whole window)
 * @param reconciliation balance drops against reported usage over the last {@link #RECONCILE_WINDOW}, where the
 *                       account has both (OpenRouter with both keys), else {@code null}
 */
public record WeekSummary(String currency, List<BigDecimal> buckets, BigDecimal total, boolean estimated,
                          BigDecimal burnRatePerDay, BigDecimal runwayDays, int samples, Instant firstSample,
                          Reconciliation reconciliation) {
    /** The period balance drops and reported usage are compared over. */
    public static final Duration RECONCILE_WINDOW = Reconciliation.WINDOW;

    public static final Duration WINDOW = SpendEstimate.BURN_WINDOW;
    public static final Duration BUCKET = Duration.ofHours(6);

    public WeekSummary {
        buckets = Collections.unmodifiableList(new ArrayList<>(buckets));
    }

    /** A summary without a reconciliation. */
    public WeekSummary(String currency, List<BigDecimal> buckets, BigDecimal total, boolean estimated,
                       BigDecimal burnRatePerDay, BigDecimal runwayDays, int samples, Instant firstSample) {
        this(currency, buckets, total, estimated, burnRatePerDay, runwayDays, samples, firstSample, null);
    }

    /** A summary whose snapshots cover the whole window. */
    public WeekSummary(String currency, List<BigDecimal> buckets, BigDecimal total, boolean estimated,
                       BigDecimal burnRatePerDay, BigDecimal runwayDays, int samples) {
        this(currency, buckets, total, estimated, burnRatePerDay, runwayDays, samples, null);
    }

    /** How long the snapshots cover up to {@code now}: the window at most. */
    public Duration coverage(Instant now) {
        if (firstSample == null) {
            return WINDOW;
        }
        Duration d = Duration.between(firstSample, now);
        return d.isNegative() ? Duration.ZERO : d.compareTo(WINDOW) > 0 ? WINDOW : d;
    }

    /** True when there are at least two snapshots, so at least one step of spend could be measured. */
    public boolean hasData() {
        return samples >= 2 && buckets.stream().anyMatch(b -> b != null);
    }

    /** One summary per currency the account has history in over the window. Blocking (reads SQLite). */
    public static List<WeekSummary> of(HistoryReader store, String accountId, Duration pollInterval, Instant now) {
        Instant from = now.minus(WINDOW);
        SpendEstimator estimator = SpendEstimator.forPollInterval(pollInterval);
        List<WeekSummary> out = new ArrayList<>();
        for (String currency : store.currencies(accountId)) {
            SpendEstimate e = estimator.lastWeek(currency, store.observations(accountId, currency, from, now), now);
            if (e.sampleTimes().isEmpty()) {
                continue;
            }
            List<BigDecimal> series = e.series(BUCKET).stream().map(SpendBucket::spend).toList();
            Reconciliation r = Reconciliation.recent(store, accountId, currency, now);
            out.add(new WeekSummary(currency, series, e.spendTotal(), e.spendEstimated(),
                    e.burnRatePerDay(now).orElse(null), e.runwayDays(now).orElse(null), e.sampleTimes().size(),
                    e.sampleTimes().stream().min(Instant::compareTo).orElse(null), r));
        }
        return out;
    }
}
