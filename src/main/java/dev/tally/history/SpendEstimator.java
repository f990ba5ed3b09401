package dev.tally.history;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns the successful snapshots of one currency of one account into spend, top-ups and sparkline
 * series, honestly:
 * <ul>
 *   <li>spend is the sum of balance drops between consecutive snapshots; a rise is a top-up (or grant,
 *       refund), never negative spend;</li>
 *   <li>where the provider reports cumulative usage (OpenRouter key {@code usage}) the spend is the
 *       usage delta and is marked provider-reported; a usage counter that goes down has been reset and
 *       its new value is counted from zero. Month-to-date spend reports are stored but not used here: a
 *       provider revising such a figure down would look like a reset;</li>
 *   <li>a step longer than the gap threshold still counts but is flagged {@code spansGap};</li>
 *   <li>what is left under a key's limit (limit − spend, {@link BalancePoint#underLimit()}) counts as a balance, but
 *       a budget that resets is neither a top-up nor spend: its spend is the usage counted from zero, and only a
 *       raised limit counts as money added;</li>
 *   <li>a step in which the balance rose is flagged {@code mixed}: spending in the same step cannot be
 *       told apart from the top-up, so that spend is a lower bound. A top-up smaller than the spending
 *       in its step shows up as a smaller drop and cannot be detected from balances at all.</li>
 * </ul>
 *
 * <p>Pure: no I/O, no clock, no shared state; immutable and safe to use from any thread. Callers
 * pass the observations of exactly one currency, ordered by time, and never mix currencies.
 */
public final class SpendEstimator {
    /** The poll interval the default gap threshold is derived from. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMinutes(5);
    /** A step longer than this many poll intervals spans a gap. */
    public static final double GAP_FACTOR = 2.5;

    static final long DAY_MILLIS = Duration.ofDays(1).toMillis();
    private static final BigDecimal DAY = BigDecimal.valueOf(DAY_MILLIS);

    private final Duration gapThreshold;

    /** @param gapThreshold a step longer than this spans a polling gap; must be positive */
    public SpendEstimator(Duration gapThreshold) {
        Objects.requireNonNull(gapThreshold, "gapThreshold");
        if (gapThreshold.isNegative() || gapThreshold.isZero()) {
            throw new IllegalArgumentException("the gap threshold must be positive");
        }
        this.gapThreshold = gapThreshold;
    }

    /** Gap threshold = {@value #GAP_FACTOR} × the account's poll interval. */
    public static SpendEstimator forPollInterval(Duration pollInterval) {
        return new SpendEstimator(Duration.ofMillis(Math.round(pollInterval.toMillis() * GAP_FACTOR)));
    }

    /** For the default 5-minute poll interval (gap threshold 12.5 minutes). */
    public static SpendEstimator defaults() {
        return forPollInterval(DEFAULT_POLL_INTERVAL);
    }

    public Duration gapThreshold() {
        return gapThreshold;
    }

    /**
     * Estimates spend over {@code [from, to]}: every step whose later snapshot lies in the window counts.
     * Pass the last observation before {@code from} too, as the baseline for the first step.
     *
     * @param observations one currency, ascending by time, no overlaps
     * @throws IllegalArgumentException if the observations are out of order
     */
    public SpendEstimate estimate(String currency, List<? extends Observation> observations, Instant from, Instant to) {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<SpendInterval> intervals = new ArrayList<>();
        List<Instant> samples = new ArrayList<>();
        BalancePoint previous = null;
        BalancePoint latestBalance = null;
        Instant lastEnd = null;
        for (Observation o : observations) {
            if (lastEnd != null && !o.start().isAfter(lastEnd)) {
                throw new IllegalArgumentException("observations must be in time order without overlap: "
                        + o.start() + " after " + lastEnd);
            }
            lastEnd = o.end();
            SpendInterval interval = switch (o) {
                case BalancePoint p -> previous == null ? null : step(previous, p, gapThreshold.toMillis());
                case DailyRollup d -> aggregate(d, gapThreshold.toMillis());
            };
            if (interval != null && inWindow(interval.to(), from, to)) {
                intervals.add(interval);
            }
            switch (o) {
                case BalancePoint p -> addSample(samples, p.at(), from, to);
                case DailyRollup d -> {
                    addSample(samples, d.firstAt(), from, to);
                    if (d.minAt() != null && !d.minAt().equals(d.firstAt()) && !d.minAt().equals(d.lastAt())) {
                        addSample(samples, d.minAt(), from, to);
                    }
                    if (!d.lastAt().equals(d.firstAt())) {
                        addSample(samples, d.lastAt(), from, to);
                    }
                }
            }
            previous = o.endState();
            if (previous.balance() != null && !previous.at().isAfter(to)) {
                latestBalance = previous;
            }
        }
        return new SpendEstimate(currency, from, to, gapThreshold, intervals, samples, latestBalance);
    }

    /**
     * The estimate that burn rates and runways are read from: exactly the {@link SpendEstimate#BURN_WINDOW}
     * (7 days) before {@code now}, whatever range is being shown — the balance cards ({@link WeekSummary}) and
     * {@code tally history} (any {@code --days}) both use it, so they agree.
     *
     * @param observations one currency, ascending, covering at least the window (earlier ones are the baseline)
     */
    public SpendEstimate lastWeek(String currency, List<? extends Observation> observations, Instant now) {
        return estimate(currency, observations, now.minus(SpendEstimate.BURN_WINDOW), now);
    }

    /**
     * The daily series straight from stored rollups (fast: one row per day), one bucket per UTC date
     * from {@code from} to {@code to} inclusive; a date without a rollup is a gap. Gives the same buckets
     * as {@code estimate(...).daily()} over the same days.
     */
    public List<SpendBucket> daily(List<DailyRollup> rollups, LocalDate from, LocalDate to) {
        Map<LocalDate, DailyRollup> byDate = new LinkedHashMap<>();
        for (DailyRollup r : rollups) {
            byDate.put(r.date(), r);
        }
        List<SpendBucket> out = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            DailyRollup r = byDate.get(d);
            if (r == null) {
                out.add(new SpendBucket(start, end, null, null, false, false, false));
            } else {
                out.add(new SpendBucket(start, end, r.spend(), r.topUp(), r.maxStepMillis() > gapThreshold.toMillis(),
                        r.mixed() || r.usageReset() || r.unknown(),
                        r.providerReported() && !r.estimated()));
            }
        }
        return out;
    }

    /**
     * Summarises raw points per UTC day (the store keeps these rollups). Each step counts on the day of
     * its later snapshot; the step from {@code previous} to the first point counts too.
     *
     * @param previous the last state before {@code points}, or {@code null}
     * @param points   ascending by time, distinct times
     */
    public static List<DailyRollup> rollUp(BalancePoint previous, List<BalancePoint> points) {
        Map<LocalDate, DayBuilder> days = new LinkedHashMap<>();
        BalancePoint prev = previous;
        for (BalancePoint p : points) {
            if (prev != null && !p.at().isAfter(prev.at())) {
                throw new IllegalArgumentException("points must be ascending: " + p.at() + " after " + prev.at());
            }
            LocalDate date = LocalDate.ofInstant(p.at(), ZoneOffset.UTC);
            DayBuilder day = days.computeIfAbsent(date, DayBuilder::new);
            day.add(p, prev == null ? null : step(prev, p, Long.MAX_VALUE));
            prev = p;
        }
        return days.values().stream().map(DayBuilder::build).toList();
    }

    /** The step between two successive snapshots (no gap flag when {@code gapMillis} is {@link Long#MAX_VALUE}). */
    static SpendInterval step(BalancePoint a, BalancePoint b, long gapMillis) {
        long millis = Duration.between(a.at(), b.at()).toMillis();
        boolean gap = millis > gapMillis;
        if (a.usage() != null && b.usage() != null) {
            boolean reset = b.usage().compareTo(a.usage()) < 0;
            BigDecimal spend = reset ? b.usage().max(BigDecimal.ZERO) : b.usage().subtract(a.usage());
            BigDecimal topUp = BigDecimal.ZERO;
            if (a.balance() != null && b.balance() != null && a.underLimit() && b.underLimit()) {
                // what is left under a key limit is limit − usage: only a raised limit adds anything; a budget
                // that resets (usage back to zero) brings the remainder back up without any money added
                BigDecimal raised = b.balance().add(b.usage()).subtract(a.balance().add(a.usage()));
                if (raised.signum() > 0) {
                    topUp = raised;
                }
            } else if (a.balance() != null && b.balance() != null && a.underLimit() == b.underLimit()) {
                BigDecimal credited = b.balance().subtract(a.balance()).add(spend);
                if (credited.signum() > 0) {
                    topUp = credited;
                }
            }
            return new SpendInterval(a.at(), b.at(), spend, topUp, true, gap, false, reset, false, millis,
                    topUp.signum() > 0 ? b.at() : null, topUp.signum() > 0 ? 1 : 0);
        }
        // an account balance and what is left under a key's limit are not comparable (a management key added or
        // removed); nor is a rise under a limit without usage figures (a reset or a raised limit?): spend unknown
        if (a.balance() != null && b.balance() != null && a.underLimit() == b.underLimit()
                && !(a.underLimit() && b.balance().compareTo(a.balance()) > 0)) {
            BigDecimal change = b.balance().subtract(a.balance());
            if (change.signum() > 0) {
                return new SpendInterval(a.at(), b.at(), BigDecimal.ZERO.setScale(change.scale()), change, false, gap,
                        true, false, false, millis, b.at(), 1);
            }
            return new SpendInterval(a.at(), b.at(), change.negate(), BigDecimal.ZERO, false, gap, false, false, false,
                    millis, null, 0);
        }
        return new SpendInterval(a.at(), b.at(), null, BigDecimal.ZERO, false, gap, false, false, false, 0, null, 0);
    }

    private static SpendInterval aggregate(DailyRollup d, long gapMillis) {
        boolean reported = d.providerReported() && !d.estimated();
        // a day that had an incomparable step is as uncertain as one with a top-up mixed into spending
        return new SpendInterval(d.firstAt(), d.lastAt(), d.spend(), d.topUp(), reported, d.maxStepMillis() > gapMillis,
                d.mixed() || d.unknown(), d.usageReset(), true, d.coveredMillis(), d.lastTopUpAt(), d.topUpCount());
    }

    private static boolean inWindow(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && !t.isAfter(to);
    }

    private static void addSample(List<Instant> samples, Instant t, Instant from, Instant to) {
        if (inWindow(t, from, to)) {
            samples.add(t);
        }
    }

    static BigDecimal perDay(BigDecimal amount, long millis) {
        return amount.multiply(DAY).divide(BigDecimal.valueOf(millis), 8, java.math.RoundingMode.HALF_EVEN);
    }

    private static final class DayBuilder {
        private final LocalDate date;
        private BalancePoint first;
        private BalancePoint min;
        private BalancePoint last;
        private int samples;
        private BigDecimal spend = BigDecimal.ZERO;
        private BigDecimal topUp = BigDecimal.ZERO;
        private int topUpCount;
        private Instant lastTopUpAt;
        private long maxStep;
        private long covered;
        private boolean mixed;
        private boolean reset;
        private boolean estimated;
        private boolean reported;
        private boolean unknown;

        DayBuilder(LocalDate date) {
            this.date = date;
        }

        void add(BalancePoint p, SpendInterval step) {
            if (first == null) {
                first = p;
            }
            last = p;
            samples++;
            if (p.balance() != null && (min == null || p.balance().compareTo(min.balance()) < 0)) {
                min = p;
            }
            if (step == null) {
                return;
            }
            maxStep = Math.max(maxStep, step.length().toMillis());
            if (step.spend() == null) {
                unknown = true;
                return;
            }
            spend = spend.add(step.spend());
            covered += step.coveredMillis();
            if (step.topUp().signum() > 0) {
                topUp = topUp.add(step.topUp());
                topUpCount++;
                lastTopUpAt = step.to();
            }
            mixed |= step.mixed();
            reset |= step.usageReset();
            if (step.providerReported()) {
                reported = true;
            } else {
                estimated = true;
            }
        }

        DailyRollup build() {
            return new DailyRollup(date, first.at(), first.balance(), first.usage(),
                    min == null ? null : min.at(), min == null ? null : min.balance(),
                    last.at(), last.balance(), last.usage(), samples, spend, topUp, topUpCount, lastTopUpAt, maxStep,
                    covered, mixed, reset, estimated, reported, unknown, false, last.underLimit());
        }
    }
}
