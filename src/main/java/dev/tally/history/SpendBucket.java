package dev.tally.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Spend in one UTC time bucket (an hour or a day) of one currency, for sparklines. A step belongs to
 * the bucket that contains its later snapshot.
 *
 * @param start            inclusive start (UTC)
 * @param end              exclusive end (UTC)
 * @param spend            the spend, or {@code null} when there is no snapshot in the bucket: a gap,
 *                         which is not the same as zero
 * @param topUp            top-ups seen in the bucket ({@code null} for a gap)
 * @param spansGap         a step ending here spans a polling gap: its spend happened somewhere in the gap
 * @param uncertain        the spend is a lower bound or partly unknown (top-up in the same step, usage
 *                         reset, incomparable figures, or a folded day inside an hourly bucket)
 * @param providerReported every known spend here is provider-reported (none is a balance-drop estimate)
 */
public record SpendBucket(Instant start, Instant end, BigDecimal spend, BigDecimal topUp, boolean spansGap,
                          boolean uncertain, boolean providerReported) {

    public SpendBucket {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** False for a gap (no snapshot in this bucket). */
    public boolean hasData() {
        return spend != null;
    }

    /** The UTC date of the bucket's start. */
    public LocalDate date() {
        return LocalDate.ofInstant(start, ZoneOffset.UTC);
    }
}
