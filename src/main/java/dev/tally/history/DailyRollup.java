package dev.tally.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One UTC day of one account in one currency, summarised: the first, lowest and last balance, and
 * the spend and top-ups of every step (from one successful snapshot to the next) that <em>ends</em>
 * on this day, including the step that arrives from an earlier day. The store keeps one for every day
 * that has a snapshot; once a day's raw snapshots are older than the retention period it is
 * {@code folded}: the raw rows are gone and this summary stands for the day for good.
 *
 * @param date             the UTC date
 * @param firstAt          first snapshot of the day
 * @param firstBalance     its balance, or {@code null}
 * @param firstUsage       its provider-reported usage, or {@code null}
 * @param minAt            when the lowest balance was seen, or {@code null} when no balance that day
 * @param minBalance       the lowest balance, or {@code null}
 * @param lastAt           last snapshot of the day
 * @param lastBalance      its balance, or {@code null}
 * @param lastUsage        its usage, or {@code null}
 * @param samples          number of snapshots that day
 * @param spend            spend of the steps ending that day whose spend is known (never negative)
 * @param topUp            total of the top-ups seen that day (never negative)
 * @param topUpCount       how many steps showed a top-up
 * @param lastTopUpAt      end of the last step with a top-up, or {@code null}
 * @param maxStepMillis    the longest step ending that day (decides whether it spans a polling gap)
 * @param coveredMillis    summed length of the steps with a known spend (for burn rates)
 * @param mixed            some step showed a top-up while spending may also have happened
 * @param usageReset       some step saw the provider's usage counter go down (counted from zero)
 * @param estimated        some spend came from balance drops (an estimate)
 * @param providerReported some spend came from provider-reported usage
 * @param unknown          some step had no comparable figures (e.g. a balance followed by usage only)
 * @param folded           the raw snapshots of the day have been removed by retention
 * @param lastUnderLimit   the last balance is what was left under a key's limit, not an account balance (see
 *                         {@link BalancePoint#underLimit()})
 */
public record DailyRollup(LocalDate date, Instant firstAt, BigDecimal firstBalance, BigDecimal firstUsage,
                          Instant minAt, BigDecimal minBalance, Instant lastAt, BigDecimal lastBalance,
                          BigDecimal lastUsage, int samples, BigDecimal spend, BigDecimal topUp, int topUpCount,
                          Instant lastTopUpAt, long maxStepMillis, long coveredMillis, boolean mixed,
                          boolean usageReset, boolean estimated, boolean providerReported, boolean unknown,
                          boolean folded, boolean lastUnderLimit) implements Observation {

    /** A day whose last balance (if any) is the account's own. */
    public DailyRollup(LocalDate date, Instant firstAt, BigDecimal firstBalance, BigDecimal firstUsage,
                       Instant minAt, BigDecimal minBalance, Instant lastAt, BigDecimal lastBalance,
                       BigDecimal lastUsage, int samples, BigDecimal spend, BigDecimal topUp, int topUpCount,
                       Instant lastTopUpAt, long maxStepMillis, long coveredMillis, boolean mixed,
                       boolean usageReset, boolean estimated, boolean providerReported, boolean unknown,
                       boolean folded) {
        this(date, firstAt, firstBalance, firstUsage, minAt, minBalance, lastAt, lastBalance, lastUsage, samples, spend,
                topUp, topUpCount, lastTopUpAt, maxStepMillis, coveredMillis, mixed, usageReset, estimated,
                providerReported, unknown, folded, false);
    }

    public DailyRollup {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(firstAt, "firstAt");
        Objects.requireNonNull(lastAt, "lastAt");
        Objects.requireNonNull(spend, "spend");
        Objects.requireNonNull(topUp, "topUp");
        if (lastBalance == null && lastUsage == null) {
            throw new IllegalArgumentException("a day needs a last balance or usage");
        }
    }

    @Override
    public Instant start() {
        return firstAt;
    }

    @Override
    public Instant end() {
        return lastAt;
    }

    @Override
    public BalancePoint endState() {
        return new BalancePoint(lastAt, lastBalance, lastUsage, lastUnderLimit && lastBalance != null);
    }

    /** The same day marked as folded (its raw rows removed). */
    public DailyRollup asFolded() {
        return new DailyRollup(date, firstAt, firstBalance, firstUsage, minAt, minBalance, lastAt, lastBalance,
                lastUsage, samples, spend, topUp, topUpCount, lastTopUpAt, maxStepMillis, coveredMillis, mixed,
                usageReset, estimated, providerReported, unknown, true, lastUnderLimit);
    }
}
