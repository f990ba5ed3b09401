package dev.tally.history;

import dev.tally.core.BalanceSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HistoryReportTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");

    @TempDir
    Path dir;

    @Test
    void fourBalanceChecksGoing100To90To150To140ShowSpend20AndOneTopUpOf60() {
        Path db = dir.resolve("history.db");
        String[] balances = {"100.00", "90.00", "150.00", "140.00"};
        for (int i = 0; i < balances.length; i++) {
            // each `tally balance` is its own process: open, record, close
            try (HistoryStore store = HistoryStore.open(db)) {
                store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minus(Duration.ofMinutes(40 - 10L * i)), "CNY", balances[i]),
                        HistoryStore.SOURCE_CLI);
            }
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            HistoryReport report = HistoryReport.build(store.reader(), "ds", 7, NOW);
            assertEquals("ds", report.account());
            assertEquals(1, report.currencies().size());
            HistoryReport.CurrencyHistory cny = report.currencies().getFirst();
            assertEquals("CNY", cny.currency());
            assertEquals(new BigDecimal("20.00"), cny.spendTotal());
            assertTrue(cny.spendEstimated());
            assertEquals(List.of(new HistoryReport.TopUpAt(NOW.minus(Duration.ofMinutes(20)), new BigDecimal("60.00"))), cny.topUps());
            assertEquals(4, cny.snapshots().size());
            assertEquals(7, cny.daily().size());
            assertEquals(new HistoryReport.DailySpend(LocalDate.parse("2026-11-22"), new BigDecimal("20.00")), cny.daily().getLast());
            assertTrue(cny.daily().subList(0, 6).stream().allMatch(d -> d.spend() == null), "days without data are gaps");
            assertTrue(cny.daily().stream().allMatch(d -> d.spend() == null || d.spend().signum() >= 0));
            assertNull(cny.burnRatePerDay(), "under a day of data");
            assertNull(cny.runwayDays());

            Map<String, Object> json = report.toJsonTree();
            assertEquals(List.of("account", "currencies"), List.copyOf(json.keySet()));
            @SuppressWarnings("unchecked")
            Map<String, Object> c = ((List<Map<String, Object>>) json.get("currencies")).getFirst();
            assertEquals(List.of("currency", "snapshots", "spendTotal", "spendEstimated", "topUps", "daily", "burnRatePerDay",
                    "runwayDays"), List.copyOf(c.keySet()));
            assertEquals("20.00", c.get("spendTotal"));
            assertEquals(Boolean.TRUE, c.get("spendEstimated"));
            assertEquals(List.of(Map.of("at", "2026-11-22T04:40:00Z", "amount", "60.00")), c.get("topUps"));
            assertEquals(Map.of("at", "2026-11-22T04:20:00Z", "total", "100.00"),
                    ((List<?>) c.get("snapshots")).getFirst());
            assertTrue(c.containsKey("burnRatePerDay") && c.get("burnRatePerDay") == null);
        }
    }

    @Test
    void openRouterKeyUsageIsProviderReportedSpendWithResets() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            String[] usage = {"25.50", "26.00", "27.25", "0.40", "1.00"};
            for (int i = 0; i < usage.length; i++) {
                store.writer().recordSnapshot("or", Snap.openRouterKey(NOW.minus(Duration.ofMinutes(25 - 5L * i)), usage[i]));
            }
            HistoryReport.CurrencyHistory usd = HistoryReport.build(store.reader(), "or", 1, NOW).currencies().getFirst();
            assertEquals("USD", usd.currency());
            assertEquals(new BigDecimal("2.75"), usd.spendTotal());
            assertFalse(usd.spendEstimated(), "usage deltas are reported by the provider");
            assertTrue(usd.topUps().isEmpty());
            assertTrue(usd.snapshots().isEmpty(), "a key without a management key shows no account balance");
        }
    }

    @Test
    void currenciesAreReportedSeparatelyNeverMixed() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minusSeconds(900), "CNY", "50.00"));
            store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minusSeconds(600), "CNY", "45.00", "USD", "10.00"));
            store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minusSeconds(300), "USD", "8.00"));
            HistoryReport r = HistoryReport.build(store.reader(), "ds", 1, NOW);
            assertEquals(List.of("CNY", "USD"), r.currencies().stream().map(HistoryReport.CurrencyHistory::currency).toList());
            assertEquals(new BigDecimal("5.00"), r.currencies().get(0).spendTotal());
            assertEquals(new BigDecimal("2.00"), r.currencies().get(1).spendTotal());
        }
    }

    @Test
    void theBaselineBeforeTheWindowCountsAndSurvivesRestarts() {
        Path db = dir.resolve("h.db");
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minus(Duration.ofDays(3)), "CNY", "100.00"));
        }
        try (HistoryStore store = HistoryStore.open(db)) {
            store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minusSeconds(60), "CNY", "88.00"));
            HistoryReport.CurrencyHistory cny = HistoryReport.build(store.reader(), "ds", 1, NOW).currencies().getFirst();
            assertEquals(new BigDecimal("12.00"), cny.spendTotal(), "the drop across the restart and the gap still counts");
            assertEquals(List.of(new HistoryReport.BalanceAt(NOW.minusSeconds(60), new BigDecimal("88.00"))), cny.snapshots());
            SpendEstimate e = SpendEstimator.defaults().estimate("CNY",
                    store.reader().observations("ds", "CNY", NOW.minus(Duration.ofHours(1)), NOW), NOW.minus(Duration.ofHours(1)), NOW);
            assertTrue(e.intervals().getFirst().spansGap());
        }
    }

    @Test
    void aWeekOfSteadySpendGivesBurnRateAndRunway() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            BigDecimal b = new BigDecimal("500.00");
            for (int i = 7 * 288; i >= 0; i--) {
                store.writer().recordSnapshot("ds", Snap.deepseek(NOW.minus(Duration.ofMinutes(5L * i)), "CNY", b.toPlainString()));
                b = b.subtract(new BigDecimal("0.01"));
            }
            HistoryReport.CurrencyHistory cny = HistoryReport.build(store.reader(), "ds", 7, NOW).currencies().getFirst();
            assertEquals(new BigDecimal("2.88"), cny.burnRatePerDay());
            // 479.84 left at 2.88 a day
            assertEquals(new BigDecimal("166.6"), cny.runwayDays());
        }
    }

    /** Ten days of 5-minute polls ending at NOW, spending 0.01 CNY each step (2.88 a day), 471.20 left at the end. */
    private static void tenDaysOfSteadySpend(HistoryStore store) {
        List<BalanceSnapshot> snaps = new ArrayList<>();
        BigDecimal b = new BigDecimal("500.00");
        for (int i = 10 * 288; i >= 0; i--) {
            snaps.add(Snap.deepseek(NOW.minus(Duration.ofMinutes(5L * i)), "CNY", b.toPlainString()));
            b = b.subtract(new BigDecimal("0.01"));
        }
        store.writer().recordSnapshots("ds", snaps, HistoryStore.SOURCE_POLL);
    }

    @Test
    void burnRateAndRunwayAreOverTheLastSevenDaysWhateverTheDaysShown() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            tenDaysOfSteadySpend(store);
            for (int days : new int[]{1, 7, 30}) {
                HistoryReport.CurrencyHistory cny = HistoryReport.build(store.reader(), "ds", days, NOW).currencies().getFirst();
                assertEquals(new BigDecimal("2.88"), cny.burnRatePerDay(), "--days " + days);
                assertEquals(new BigDecimal("163.6"), cny.runwayDays(), "--days " + days + ": 471.20 at 2.88 a day");
                assertEquals(days, cny.daily().size(), "the daily list still follows --days");
            }
            WeekSummary card = WeekSummary.of(store.reader(), "ds", Duration.ofMinutes(5), NOW).getFirst();
            assertEquals(new BigDecimal("2.88"), card.burnRatePerDay(), "the card and the command agree");
            assertEquals(new BigDecimal("163.6"), card.runwayDays());
        }
    }

    @Test
    void aLongWindowReadsOlderDaysFromTheirRollupsWithTheSameSpendAndTopUps() {
        Random rng = new Random(4);
        List<BalanceSnapshot> snaps = new ArrayList<>();
        BigDecimal b = new BigDecimal("300.00");
        for (int i = 20 * 288; i >= 0; i--) {
            if (rng.nextInt(500) == 0) {
                i -= 40; // a polling gap of a few hours
            }
            b = b.subtract(BigDecimal.valueOf(rng.nextInt(30), 2));
            if (rng.nextInt(400) == 0) {
                b = b.add(new BigDecimal("50.00")); // a top-up; some days have two
            }
            snaps.add(Snap.deepseek(NOW.minus(Duration.ofMinutes(5L * i)), "CNY", b.toPlainString()));
        }
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            store.writer().recordSnapshots("ds", snaps, HistoryStore.SOURCE_POLL);
            Instant from = LocalDate.parse("2026-10-24").atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant detailed = LocalDate.parse("2026-11-16").atStartOfDay(ZoneOffset.UTC).toInstant();
            SpendEstimate full = SpendEstimator.defaults().estimate("CNY", store.reader().observations("ds", "CNY", from, NOW), from, NOW);

            HistoryReport.CurrencyHistory cny = HistoryReport.build(store.reader(), "ds", 30, NOW).currencies().getFirst();
            assertEquals(full.spendTotal(), cny.spendTotal());
            assertTrue(cny.spendEstimated());
            assertEquals(full.daily().stream().map(d -> new HistoryReport.DailySpend(d.date(), d.spend())).toList(), cny.daily(),
                    "the same spend every day, and the same days without data");
            assertEquals(full.topUpTotal(), cny.topUps().stream().map(HistoryReport.TopUpAt::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
            assertEquals(full.topUps().stream().filter(t -> !t.at().isBefore(detailed)).map(t -> new HistoryReport.TopUpAt(t.at(), t.amount())).toList(),
                    cny.topUps().stream().filter(t -> !t.at().isBefore(detailed)).toList(), "recent top-ups one by one");
            long olderDays = full.daily().stream().filter(d -> d.start().isBefore(detailed) && d.topUp() != null && d.topUp().signum() > 0).count();
            assertEquals(olderDays, cny.topUps().stream().filter(t -> t.at().isBefore(detailed)).count(), "older ones one per day");

            List<HistoryReport.BalanceAt> recent = cny.snapshots().stream().filter(x -> !x.at().isBefore(detailed)).toList();
            assertEquals(snaps.stream().filter(x -> !x.fetchedAt().isBefore(detailed)).count(), recent.size(), "the last 7 days in full");
            long olderPoints = cny.snapshots().size() - recent.size();
            assertTrue(olderPoints >= 14 && olderPoints <= 3 * 14, "older days: first, lowest and last balance, got " + olderPoints);
            HistoryReport.CurrencyHistory week = HistoryReport.build(store.reader(), "ds", 7, NOW).currencies().getFirst();
            assertEquals(week.burnRatePerDay(), cny.burnRatePerDay());
            assertEquals(week.snapshots(), recent);

            store.writer().applyRetention(NOW.plus(Duration.ofDays(80)));
            HistoryReport.CurrencyHistory folded = HistoryReport.build(store.reader(), "ds", 120, NOW.plus(Duration.ofDays(80)))
                    .currencies().getFirst();
            assertEquals(full.spendTotal(), folded.spendTotal(), "folded days keep their spend");
        }
    }

    @Test
    void daysMustBePositive() {
        try (HistoryStore store = HistoryStore.open(dir.resolve("h.db"))) {
            assertThrows(IllegalArgumentException.class, () -> HistoryReport.build(store.reader(), "ds", 0, NOW));
            assertTrue(HistoryReport.build(store.reader(), "nobody", 7, NOW).currencies().isEmpty());
        }
    }
}
