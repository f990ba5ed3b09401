package dev.tally.history;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.KeyLimit;
import dev.tally.core.ProviderId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key with a limit and no account balance (Requesty, LiteLLM, new-api, an OpenRouter key alone): the limit minus the
 * spend is what is left, so the sparkline and the runway work from it; a budget that resets is neither money added
 * nor a large spend; only a raised limit adds anything. Real SQLite file.
 */
class KeyLimitHistoryTest {
    private static final ProviderId REQUESTY = ProviderId.of("requesty");
    private static final Instant T0 = Instant.parse("2026-11-30T12:00:00Z");

    @TempDir
    Path dir;

    private static BalanceSnapshot key(Instant at, String limit, String spend) {
        BigDecimal l = new BigDecimal(limit);
        BigDecimal s = new BigDecimal(spend);
        return new BalanceSnapshot(REQUESTY, at, null, List.of(), null,
                new KeyLimit("USD", l, l.subtract(s), s, "monthly", true));
    }

    private static Instant at(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    @Test
    void aMonthlyResetIsNeitherATopUpNorASpendAndTheRemainderFeedsTheRunway() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            store.writer().recordSnapshots("requesty", List.of(
                    key(at(0), "50", "10.00"),
                    key(at(5), "50", "12.00"),
                    key(at(10), "50", "15.00"),
                    // the month turns: spend starts again from zero, 50 are left again — no money was added
                    key(at(26 * 60), "50", "0.50"),
                    key(at(26 * 60 + 5), "50", "1.50")), HistoryStore.SOURCE_POLL);

            Instant now = at(26 * 60 + 6);
            List<Observation> obs = store.reader().observations("requesty", "USD", now.minus(Duration.ofDays(7)), now);
            SpendEstimate e = SpendEstimator.defaults().lastWeek("USD", obs, now);
            assertEquals(0, new BigDecimal("6.50").compareTo(e.spendTotal()), "2 + 3 + 0.50 + 1: " + e.spendTotal());
            assertEquals(0, e.topUpTotal().signum(), "a reset budget is no top-up: " + e.topUps());
            assertTrue(e.topUps().isEmpty());

            WeekSummary week = WeekSummary.of(store.reader(), "requesty", Duration.ofMinutes(5), now).getFirst();
            assertTrue(week.hasData(), "the sparkline has data");
            assertNotNull(week.runwayDays(), "what is left under the limit has a runway");
            assertNull(week.reconciliation(), "limit − spend always agrees with the spend: nothing to check");
            // the daily rollups (what long ranges read) agree: no top-up on either day
            List<DailyRollup> days = store.reader().dailyRollups("requesty", "USD",
                    java.time.LocalDate.parse("2026-11-30"), java.time.LocalDate.parse("2026-12-01"));
            assertEquals(2, days.size());
            assertTrue(days.stream().allMatch(d -> d.topUp().signum() == 0), days.toString());
            assertTrue(days.getLast().usageReset(), "the reset day is marked, so the bucket is shown as uncertain");
            assertTrue(days.getLast().lastUnderLimit());
        }
    }

    @Test
    void aRaisedLimitCountsAsMoneyAddedAndALoweredOneAsNoSpend() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            store.writer().recordSnapshots("requesty", List.of(
                    key(at(0), "50", "20"),
                    key(at(5), "80", "21"),
                    key(at(10), "40", "22")), HistoryStore.SOURCE_POLL);
            Instant now = at(11);
            SpendEstimate e = SpendEstimator.defaults().lastWeek("USD",
                    store.reader().observations("requesty", "USD", now.minus(Duration.ofDays(7)), now), now);
            assertEquals(0, new BigDecimal("2").compareTo(e.spendTotal()), "only the spend: " + e.spendTotal());
            assertEquals(0, new BigDecimal("30").compareTo(e.topUpTotal()), "the raised limit: " + e.topUpTotal());
        }
    }

    @Test
    void aResetAcrossAFoldedDayIsStillNoTopUp() {
        Instant old = Instant.parse("2026-08-01T12:00:00Z");
        try (HistoryStore store = HistoryStore.open(dir.resolve("history.db"))) {
            store.writer().recordSnapshots("requesty", List.of(
                    key(old, "50", "40"), key(old.plusSeconds(300), "50", "45")), HistoryStore.SOURCE_POLL);
            Instant later = old.plus(HistoryStore.RAW_RETENTION).plus(Duration.ofDays(2));
            store.writer().applyRetention(later);
            store.writer().recordSnapshot("requesty", key(later, "50", "1"));

            SpendEstimate e = SpendEstimator.defaults().estimate("USD",
                    store.reader().observations("requesty", "USD", old.minus(Duration.ofDays(1)), later),
                    old.minus(Duration.ofDays(1)), later);
            assertEquals(0, e.topUpTotal().signum(), "the folded day remembers it was a key's remainder: " + e.topUps());
            assertEquals(0, new BigDecimal("6").compareTo(e.spendTotal()), "5, then 1 counted from zero: " + e.spendTotal());
        }
    }
}
