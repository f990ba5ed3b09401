package dev.tally.history;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The spend of one currency of one account over a window, as computed by {@link SpendEstimator}.
 * Immutable; safe to share between threads.
 *
 * @param currency      ISO code; nothing here is ever converted or summed across currencies
 * @param from          inclusive window start
 * @param to            inclusive window end
 * @param gapThreshold  steps longer than this span a gap
 * @param intervals     the steps whose later snapshot lies in the window, in time order
 * @param sampleTimes   times of the snapshots inside the window (a bucket with none is a gap)
 * @param latestBalance the last snapshot with a balance at or before {@code to}, or {@code null}
 */
public record SpendEstimate(String currency, Instant from, Instant to, Duration gapThreshold,
                            List<SpendInterval> intervals, List<Instant> sampleTimes, BalancePoint latestBalance) {
    /** Burn rates look at this much recent history. */
    public static final Duration BURN_WINDOW = Duration.ofDays(7);
    private static final long MIN_COVERAGE_MILLIS = Duration.ofDays(1).toMillis();

    public SpendEstimate {
        Objects.requireNonNull(currency, "currency");
        intervals = List.copyOf(intervals);
        sampleTimes = List.copyOf(sampleTimes);
    }

    /** Sum of all known spend in the window (lower bound where steps are {@code mixed} or reset). */
    public BigDecimal spendTotal() {
        BigDecimal total = BigDecimal.ZERO;
        for (SpendInterval i : intervals) {
            if (i.spend() != null) {
                total = total.add(i.spend());
            }
        }
        return total;
    }

    /** True when some step in the window has a known spend (zero included). */
    public boolean hasSpend() {
        return intervals.stream().anyMatch(i -> i.spend() != null);
    }

    /** False only when there is spend data and all of it is provider-reported. */
    public boolean spendEstimated() {
        boolean any = false;
        for (SpendInterval i : intervals) {
            if (i.spend() != null) {
                any = true;
                if (!i.providerReported()) {
                    return true;
                }
            }
        }
        return !any;
    }

    /** Every top-up in the window, in time order. */
    public List<TopUp> topUps() {
        List<TopUp> out = new ArrayList<>();
        for (SpendInterval i : intervals) {
            if (i.topUp().signum() > 0) {
                out.add(new TopUp(i.topUpAt() == null ? i.to() : i.topUpAt(), i.topUp(), i.providerReported(),
                        Math.max(1, i.topUpCount())));
            }
        }
        return out;
    }

    public BigDecimal topUpTotal() {
        return intervals.stream().map(SpendInterval::topUp).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** True when some step in the window spans a polling gap. */
    public boolean anySpansGap() {
        return intervals.stream().anyMatch(SpendInterval::spansGap);
    }

    /** True when some spend in the window is a lower bound (top-up in the same step, usage reset, unknown). */
    public boolean anyUncertain() {
        return intervals.stream().anyMatch(SpendInterval::uncertain);
    }

    /** Hourly UTC buckets covering the window. */
    public List<SpendBucket> hourly() {
        return series(Duration.ofHours(1));
    }

    /** Daily UTC buckets covering the window. */
    public List<SpendBucket> daily() {
        return series(Duration.ofDays(1));
    }

    /**
     * UTC buckets of {@code size} (which must divide a day) from the bucket holding {@code from} to the
     * bucket holding {@code to}. A bucket without any snapshot is a gap ({@code spend == null}).
     */
    public List<SpendBucket> series(Duration size) {
        long sizeMs = size.toMillis();
        if (sizeMs <= 0 || SpendEstimator.DAY_MILLIS % sizeMs != 0) {
            throw new IllegalArgumentException("bucket size must divide a day: " + size);
        }
        long first = Math.floorDiv(from.toEpochMilli(), sizeMs);
        long last = Math.floorDiv(to.toEpochMilli(), sizeMs);
        int n = Math.toIntExact(last - first + 1);
        boolean[] data = new boolean[n];
        for (Instant t : sampleTimes) {
            data[(int) (Math.floorDiv(t.toEpochMilli(), sizeMs) - first)] = true;
        }
        BigDecimal[] spend = new BigDecimal[n];
        BigDecimal[] topUp = new BigDecimal[n];
        boolean[] gap = new boolean[n];
        boolean[] uncertain = new boolean[n];
        boolean[] estimated = new boolean[n];
        boolean[] reported = new boolean[n];
        for (SpendInterval i : intervals) {
            int b = (int) (Math.floorDiv(i.to().toEpochMilli(), sizeMs) - first);
            if (i.spend() != null) {
                spend[b] = spend[b] == null ? i.spend() : spend[b].add(i.spend());
                if (i.providerReported()) {
                    reported[b] = true;
                } else {
                    estimated[b] = true;
                }
            }
            topUp[b] = topUp[b] == null ? i.topUp() : topUp[b].add(i.topUp());
            gap[b] |= i.spansGap();
            uncertain[b] |= i.uncertain() || (i.aggregated() && sizeMs < SpendEstimator.DAY_MILLIS);
        }
        List<SpendBucket> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            Instant start = Instant.ofEpochMilli((first + b) * sizeMs);
            Instant end = start.plusMillis(sizeMs);
            if (!data[b]) {
                out.add(new SpendBucket(start, end, null, null, false, false, false));
            } else {
                out.add(new SpendBucket(start, end, spend[b] == null ? BigDecimal.ZERO : spend[b],
                        topUp[b] == null ? BigDecimal.ZERO : topUp[b], gap[b], uncertain[b],
                        reported[b] && !estimated[b]));
            }
        }
        return out;
    }

    /**
     * Spend per day over the {@link #BURN_WINDOW} before {@code now}: known spend divided by the time it
     * covers. Empty when that time is under a day or nothing was spent.
     */
    public Optional<BigDecimal> burnRatePerDay(Instant now) {
        return rawBurnRate(now).map(r -> tidy(r, 4));
    }

    private Optional<BigDecimal> rawBurnRate(Instant now) {
        Instant windowStart = now.minus(BURN_WINDOW);
        BigDecimal spent = BigDecimal.ZERO;
        long covered = 0;
        for (SpendInterval i : intervals) {
            if (i.spend() != null && i.to().isAfter(windowStart) && !i.to().isAfter(now)) {
                spent = spent.add(i.spend());
                covered += i.coveredMillis();
            }
        }
        if (covered < MIN_COVERAGE_MILLIS || spent.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(SpendEstimator.perDay(spent, covered));
    }

    /**
     * Days until the latest balance is used up at {@link #burnRatePerDay(Instant)}, rounded down to a tenth;
     * zero when the balance is already at or below zero. Empty when there is no burn rate or no balance.
     */
    public Optional<BigDecimal> runwayDays(Instant now) {
        Optional<BigDecimal> burn = rawBurnRate(now);
        if (burn.isEmpty() || latestBalance == null) {
            return Optional.empty();
        }
        BigDecimal balance = latestBalance.balance();
        if (balance.signum() <= 0) {
            return Optional.of(BigDecimal.ZERO.setScale(1));
        }
        return Optional.of(balance.divide(burn.get(), 1, RoundingMode.DOWN));
    }

    private static BigDecimal tidy(BigDecimal x, int maxScale) {
        BigDecimal r = x.setScale(maxScale, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return r.scale() < 2 ? r.setScale(2, RoundingMode.UNNECESSARY) : r;
    }
}
