package dev.tally.history;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What happened between two successive successful snapshots of one currency (a <em>step</em>), or, for
 * a folded day, everything that ended on that day ({@code aggregated}).
 *
 * @param from             the earlier snapshot (for an aggregated day: its first snapshot)
 * @param to               the later snapshot; the step belongs to the bucket that contains this instant
 * @param spend            what was spent, never negative; {@code null} when the two snapshots cannot be
 *                         compared (no common figure)
 * @param topUp            money that arrived (top-up, grant or refund), never negative
 * @param providerReported the spend is the provider's usage delta (a fact), not a balance-drop estimate
 * @param spansGap         the step is longer than the estimator's gap threshold (polls failed or
 *                         stopped): its spend counts but is spread over an unknown stretch of time
 * @param mixed            the balance rose, so spending in the same step cannot be separated from the
 *                         top-up: {@code spend} is a lower bound and {@code topUp} is net of it
 * @param usageReset       the provider's usage counter went down; the new value was counted from zero,
 *                         so spend before the reset in this step is unknown
 * @param aggregated       a whole folded day (its raw snapshots were removed by retention)
 * @param coveredMillis    how much time the known spend covers (for burn rates)
 * @param topUpAt          when the (last) top-up was seen, or {@code null} when none
 * @param topUpCount       number of top-ups (more than one only for an aggregated day)
 */
public record SpendInterval(Instant from, Instant to, BigDecimal spend, BigDecimal topUp, boolean providerReported,
                            boolean spansGap, boolean mixed, boolean usageReset, boolean aggregated,
                            long coveredMillis, Instant topUpAt, int topUpCount) {

    public SpendInterval {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(topUp, "topUp");
        if ((spend != null && spend.signum() < 0) || topUp.signum() < 0) {
            throw new IllegalArgumentException("spend and top-ups are never negative");
        }
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    /** True when the spend is known exactly: known, provider-reported or a plain drop, no top-up or reset inside. */
    public boolean exact() {
        return spend != null && !mixed && !usageReset && !aggregated;
    }

    /** True when this step's figures are a lower bound or unknown rather than a measurement. */
    public boolean uncertain() {
        return spend == null || mixed || usageReset;
    }
}
