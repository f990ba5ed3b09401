package dev.tally.provider;

import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.SpendReport;
import dev.tally.estimate.EstimatedBalance;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A ledger simulation: a person tops up now and then and spends every day; the provider reports the spend in whole UTC
 * day buckets; the estimate (the newest top-up minus the reported spend since it) must equal the true remainder
 * whenever the top-up was at a day boundary, and must be exactly the remainder plus the uncounted rest of the top-up's
 * day when it was not — never anything else, to the last digit.
 */
class EstimateLedgerSimulationTest {
    private static final Instant MONTH = Instant.parse("2026-11-01T00:00:00Z");

    /** Spend per hour of the simulation, cents to fractions of a cent. */
    private record Spend(Instant at, BigDecimal usd) {
    }

    private static CostReport.Page buckets(List<Spend> spends, Instant from, Instant now) {
        List<CostReport.Bucket> out = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Instant day = from; day.isBefore(now); day = day.plus(Duration.ofDays(1))) {
            Instant start = day;
            Instant end = day.plus(Duration.ofDays(1));
            BigDecimal sum = spends.stream().filter(s -> !s.at().isBefore(start) && s.at().isBefore(end) && s.at().isBefore(now))
                    .map(Spend::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
            out.add(new CostReport.Bucket(day, sum));
            total = total.add(sum);
        }
        return new CostReport.Page(total, "USD", false, null, out);
    }

    private static BigDecimal spentBetween(List<Spend> spends, Instant from, Instant to) {
        return spends.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to))
                .map(Spend::usd).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static EstimatedBalance estimate(List<Spend> spends, KnownTopUp topUp, Instant now) throws Exception {
        Instant start = CostReport.queryStart(MONTH, topUp.at(), now);
        SpendReport r = CostReport.report(buckets(spends, start, now), MONTH, topUp.at(), now, "test",
                sum -> new Money(sum, "USD"));
        return EstimatedBalance.of(topUp, r);
    }

    @Test
    void theEstimateIsTheTopUpMinusTheReportedSpendToTheLastDigitOverAMonthOfTopUps() throws Exception {
        Random random = new Random(18);
        List<Spend> spends = new ArrayList<>();
        Instant t0 = Instant.parse("2026-10-15T00:00:00Z");
        for (int h = 0; h < 24 * 45; h++) {
            spends.add(new Spend(t0.plus(Duration.ofHours(h)), new BigDecimal(random.nextInt(90_000)).movePointLeft(6)));
        }
        Instant now = t0.plus(Duration.ofDays(45)).minus(Duration.ofHours(3));
        BigDecimal balance = BigDecimal.ZERO;
        for (int day = 0; day < 40; day += 7) {
            Instant at = t0.plus(Duration.ofDays(day)); // top-ups at midnight UTC: whole buckets
            balance = new BigDecimal("25.00").add(new BigDecimal(day));
            KnownTopUp topUp = new KnownTopUp(new Money(balance, "USD"), at);
            EstimatedBalance.Known e = assertInstanceOf(EstimatedBalance.Known.class, estimate(spends, topUp, now));
            BigDecimal truth = balance.subtract(spentBetween(spends, at, now));
            assertEquals(truth, e.amount().amount(), "top-up on day " + day);
            assertEquals(at, e.since());
            assertFalse(e.bucketEnd());
            assertEquals(truth.signum() <= 0, e.usedUp());
        }
    }

    @Test
    void aTopUpInsideABucketLeavesOutExactlyTheRestOfThatDayAndSaysSo() throws Exception {
        List<Spend> spends = new ArrayList<>();
        Instant day = Instant.parse("2026-11-10T00:00:00Z");
        for (int h = 0; h < 24 * 5; h++) {
            spends.add(new Spend(day.plus(Duration.ofHours(h)), new BigDecimal("0.25")));
        }
        Instant topUpAt = day.plus(Duration.ofHours(15));
        Instant now = day.plus(Duration.ofDays(4)).plus(Duration.ofHours(6));
        EstimatedBalance.Known e = assertInstanceOf(EstimatedBalance.Known.class,
                estimate(spends, new KnownTopUp(Money.of("40.00", "USD"), topUpAt), now));
        BigDecimal restOfDay = spentBetween(spends, topUpAt, day.plus(Duration.ofDays(1)));
        assertEquals(new BigDecimal("2.25"), restOfDay);
        assertEquals(new BigDecimal("40.00").subtract(spentBetween(spends, topUpAt, now)).add(restOfDay), e.amount().amount());
        assertEquals(Instant.parse("2026-11-11T00:00:00Z"), e.since());
        assertTrue(e.bucketEnd());
    }

    @Test
    void spendBeyondTheTopUpGivesANegativeEstimateThatIsUsedUp() throws Exception {
        List<Spend> spends = List.of(new Spend(Instant.parse("2026-11-03T10:00:00Z"), new BigDecimal("7.5")),
                new Spend(Instant.parse("2026-11-04T10:00:00Z"), new BigDecimal("3")));
        EstimatedBalance.Known e = assertInstanceOf(EstimatedBalance.Known.class, estimate(spends,
                new KnownTopUp(Money.of("10.00", "USD"), Instant.parse("2026-11-03T00:00:00Z")),
                Instant.parse("2026-11-05T12:00:00Z")));
        assertEquals(Money.of("-0.50", "USD"), e.amount());
        assertTrue(e.usedUp());
    }

    @Test
    void aTopUpInAnotherCurrencyIsRefusedNeverConverted() throws Exception {
        EstimatedBalance e = estimate(List.of(), new KnownTopUp(Money.of("100", "EUR"),
                Instant.parse("2026-11-03T00:00:00Z")), Instant.parse("2026-11-05T12:00:00Z"));
        EstimatedBalance.Refused r = assertInstanceOf(EstimatedBalance.Refused.class, e);
        assertEquals(new EstimatedBalance.Refused(EstimatedBalance.Why.CURRENCY, "EUR", "USD"), r);
    }

    @Test
    void noTopUpMeansNoEstimateAndSpendFetchedBeforeTheTopUpWasGivenIsNotUsed() throws Exception {
        assertNull(EstimatedBalance.of(null, null));
        SpendReport older = CostReport.report(buckets(List.of(), MONTH, Instant.parse("2026-11-05T00:00:00Z")), MONTH,
                Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-05T00:00:00Z"), "test", s -> new Money(s, "USD"));
        EstimatedBalance e = EstimatedBalance.of(new KnownTopUp(Money.of("5", "USD"),
                Instant.parse("2026-11-03T00:00:00Z")), older);
        assertEquals(EstimatedBalance.Why.WAITING, assertInstanceOf(EstimatedBalance.Refused.class, e).why());
        assertEquals(LocalDate.of(2026, 11, 1), LocalDate.ofInstant(MONTH, ZoneOffset.UTC));
    }
}
