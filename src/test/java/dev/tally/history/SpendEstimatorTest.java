package dev.tally.history;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpendEstimatorTest {
    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");
    private final SpendEstimator estimator = SpendEstimator.defaults();

    private static BalancePoint bal(int minutes, String balance) {
        return new BalancePoint(T0.plus(Duration.ofMinutes(minutes)), new BigDecimal(balance), null);
    }

    private static BalancePoint usage(int minutes, String usage) {
        return new BalancePoint(T0.plus(Duration.ofMinutes(minutes)), null, new BigDecimal(usage));
    }

    private SpendEstimate estimate(List<BalancePoint> points) {
        return estimator.estimate("CNY", points, T0.minus(Duration.ofDays(1)), T0.plus(Duration.ofDays(30)));
    }

    @Test
    void dropsAreSpendAndRisesAreTopUpsNeverNegativeSpend() {
        SpendEstimate e = estimate(List.of(bal(0, "100.00"), bal(5, "90.00"), bal(10, "150.00"), bal(15, "140.00")));
        assertEquals(new BigDecimal("20.00"), e.spendTotal());
        assertEquals(1, e.topUps().size());
        assertEquals(new BigDecimal("60.00"), e.topUps().getFirst().amount());
        assertEquals(T0.plus(Duration.ofMinutes(10)), e.topUps().getFirst().at());
        assertTrue(e.intervals().stream().allMatch(i -> i.spend().signum() >= 0));
        assertTrue(e.spendEstimated(), "balance drops are an estimate");
        SpendInterval topUpStep = e.intervals().get(1);
        assertTrue(topUpStep.mixed(), "spending during the top-up step cannot be separated");
        assertFalse(e.intervals().get(0).mixed());
        assertFalse(e.intervals().get(2).mixed());
    }

    @Test
    void providerReportedUsageIsSpendAndAResetCountsFromZero() {
        SpendEstimate e = estimate(List.of(usage(0, "25.50"), usage(5, "26.00"), usage(10, "27.25"),
                usage(15, "0.40"), usage(20, "1.00")));
        // 0.50 + 1.25 + 0.40 (reset: new value from zero) + 0.60
        assertEquals(new BigDecimal("2.75"), e.spendTotal());
        assertFalse(e.spendEstimated(), "usage deltas are provider-reported");
        assertTrue(e.intervals().get(2).usageReset());
        assertTrue(e.intervals().get(2).uncertain());
        assertTrue(e.topUps().isEmpty(), "a usage reset is not a top-up");
    }

    @Test
    void usageWithBalanceGivesExactTopUp() {
        // balance 10 -> 58 while usage rose by 2: 50 arrived, 2 spent
        SpendEstimate e = estimate(List.of(new BalancePoint(T0, new BigDecimal("10.00"), new BigDecimal("5.00")),
                new BalancePoint(T0.plusSeconds(300), new BigDecimal("58.00"), new BigDecimal("7.00"))));
        assertEquals(new BigDecimal("2.00"), e.spendTotal());
        assertEquals(new BigDecimal("50.00"), e.topUps().getFirst().amount());
        assertTrue(e.topUps().getFirst().exact());
        assertFalse(e.intervals().getFirst().mixed());
    }

    @Test
    void dropAcrossAPollingGapCountsButIsFlagged() {
        SpendEstimate e = estimate(List.of(bal(0, "50"), bal(5, "49"), bal(185, "40"), bal(190, "39")));
        assertEquals(new BigDecimal("11"), e.spendTotal());
        assertFalse(e.intervals().get(0).spansGap());
        assertTrue(e.intervals().get(1).spansGap(), "three hours without a poll is a gap");
        List<SpendBucket> hours = e.series(Duration.ofHours(1)).stream()
                .filter(b -> !b.start().isBefore(T0) && b.start().isBefore(T0.plus(Duration.ofHours(4)))).toList();
        assertEquals(new BigDecimal("1"), hours.get(0).spend());
        assertNull(hours.get(1).spend(), "an hour without any snapshot is a gap, not zero");
        assertFalse(hours.get(1).hasData());
        assertNull(hours.get(2).spend());
        assertEquals(new BigDecimal("10"), hours.get(3).spend());
        assertTrue(hours.get(3).spansGap());
    }

    @Test
    void gapThresholdIsConfigurable() {
        List<BalancePoint> pts = List.of(bal(0, "50"), bal(20, "49"));
        assertTrue(SpendEstimator.defaults().estimate("CNY", pts, T0, T0.plusSeconds(3600)).intervals().getFirst().spansGap());
        assertFalse(SpendEstimator.forPollInterval(Duration.ofMinutes(10))
                .estimate("CNY", pts, T0, T0.plusSeconds(3600)).intervals().getFirst().spansGap());
        assertFalse(new SpendEstimator(Duration.ofHours(1))
                .estimate("CNY", pts, T0, T0.plusSeconds(3600)).intervals().getFirst().spansGap());
    }

    @Test
    void burnRateAndRunwayAreAbsentWithUnderADayOfData() {
        List<BalancePoint> pts = new ArrayList<>();
        for (int i = 0; i <= 200; i++) { // 16h40m of 5-minute polls, spending 0.10 each
            pts.add(bal(5 * i, new BigDecimal("100.00").subtract(new BigDecimal("0.10").multiply(BigDecimal.valueOf(i))).toPlainString()));
        }
        Instant now = pts.getLast().at();
        SpendEstimate e = estimator.estimate("CNY", pts, now.minus(Duration.ofDays(7)), now);
        assertEquals(new BigDecimal("20.00"), e.spendTotal());
        assertTrue(e.burnRatePerDay(now).isEmpty());
        assertTrue(e.runwayDays(now).isEmpty());
    }

    @Test
    void burnRateAndRunwayAreAbsentWithoutSpend() {
        List<BalancePoint> pts = List.of(bal(0, "100"), bal(60 * 24, "100"), bal(60 * 48, "100"));
        Instant now = pts.getLast().at();
        SpendEstimate e = estimator.estimate("CNY", pts, now.minus(Duration.ofDays(7)), now);
        assertTrue(e.burnRatePerDay(now).isEmpty());
        assertTrue(e.runwayDays(now).isEmpty());
    }

    @Test
    void burnRateIsSpendPerDayOverTheLastWeekAndRunwayIsBalanceOverIt() {
        List<BalancePoint> pts = new ArrayList<>();
        BigDecimal b = new BigDecimal("100.00");
        for (int h = 0; h <= 48; h++) { // two days, 0.25 per hour = 6.00 per day
            pts.add(new BalancePoint(T0.plus(Duration.ofHours(h)), b, null));
            b = b.subtract(new BigDecimal("0.25"));
        }
        Instant now = pts.getLast().at();
        SpendEstimate e = new SpendEstimator(Duration.ofHours(3)).estimate("CNY", pts, now.minus(Duration.ofDays(7)), now);
        assertEquals(new BigDecimal("6.00"), e.burnRatePerDay(now).orElseThrow());
        // 88.00 left at 6.00 a day
        assertEquals(new BigDecimal("14.6"), e.runwayDays(now).orElseThrow());
    }

    @Test
    void runwayIsZeroWhenTheBalanceIsGone() {
        List<BalancePoint> pts = List.of(bal(0, "10"), bal(60 * 24, "5"), bal(60 * 48, "-1"));
        Instant now = pts.getLast().at();
        SpendEstimate e = new SpendEstimator(Duration.ofDays(2)).estimate("CNY", pts, now.minus(Duration.ofDays(7)), now);
        assertEquals(new BigDecimal("0.0"), e.runwayDays(now).orElseThrow());
    }

    @Test
    void keyOnlyUsageHasBurnButNoRunway() {
        List<BalancePoint> pts = List.of(usage(0, "1.00"), usage(60 * 24, "3.00"), usage(60 * 48, "5.00"));
        Instant now = pts.getLast().at();
        SpendEstimate e = new SpendEstimator(Duration.ofDays(2)).estimate("USD", pts, now.minus(Duration.ofDays(7)), now);
        assertEquals(new BigDecimal("2.00"), e.burnRatePerDay(now).orElseThrow());
        assertTrue(e.runwayDays(now).isEmpty(), "no balance, no runway");
    }

    @Test
    void dailyBucketsMarkDaysWithoutDataAsGaps() {
        List<BalancePoint> pts = List.of(bal(0, "10"), bal(5, "9"), bal(60 * 24 * 2, "7"));
        SpendEstimate e = estimator.estimate("CNY", pts, Instant.parse("2026-11-20T00:00:00Z"),
                Instant.parse("2026-11-22T23:00:00Z"));
        List<SpendBucket> days = e.daily();
        assertEquals(3, days.size());
        assertEquals(LocalDate.parse("2026-11-20"), days.get(0).date());
        assertEquals(new BigDecimal("1"), days.get(0).spend());
        assertNull(days.get(1).spend());
        assertEquals(new BigDecimal("2"), days.get(2).spend());
        assertTrue(days.get(2).spansGap());
    }

    @Test
    void rollupsGiveTheSameDailySeriesAsRawPoints() {
        List<BalancePoint> pts = new ArrayList<>();
        BigDecimal b = new BigDecimal("500.00");
        java.util.Random rng = new java.util.Random(7);
        Instant t = Instant.parse("2026-10-01T23:10:00Z");
        for (int i = 0; i < 3000; i++) {
            t = t.plus(Duration.ofMinutes(rng.nextInt(20) == 0 ? 40 + rng.nextInt(400) : 5));
            b = rng.nextInt(50) == 0 ? b.add(new BigDecimal("30.00")) : b.subtract(BigDecimal.valueOf(rng.nextInt(100), 2));
            pts.add(new BalancePoint(t, b, null));
        }
        List<DailyRollup> rollups = SpendEstimator.rollUp(null, pts);
        LocalDate first = LocalDate.parse("2026-10-01");
        LocalDate last = rollups.getLast().date();
        Instant from = first.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Instant to = last.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant().minusMillis(1);
        assertEquals(estimator.estimate("CNY", pts, from, to).daily(), estimator.daily(rollups, first, last));
    }

    @Test
    void observationsOutOfOrderAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> estimate(List.of(bal(5, "1"), bal(0, "2"))));
    }
}
