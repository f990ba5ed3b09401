package dev.tally.ui;

import dev.tally.history.DailyRollup;
import dev.tally.poll.AccountState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.tally.ui.BalanceCardViewModelTest.NOW;
import static dev.tally.ui.BalanceCardViewModelTest.deepseek;
import static dev.tally.ui.BalanceCardViewModelTest.target;
import static dev.tally.ui.BalanceCardViewModelTest.week;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The sparkline's click: a 30-day chart in the window, from the history's daily rollups. */
class ChartViewModelTest {
    private final List<String> asked = new ArrayList<>();
    private final CompletableFuture<List<DailyRollup>> history = new CompletableFuture<>();

    static DailyRollup day(String date, String balance, String spend) {
        Instant at = LocalDate.parse(date).atTime(12, 0).toInstant(ZoneOffset.UTC);
        return new DailyRollup(LocalDate.parse(date), at, null, null, null, null, at,
                balance == null ? null : new BigDecimal(balance), balance == null ? BigDecimal.ONE : null, 3,
                new BigDecimal(spend), BigDecimal.ZERO, 0, null, 0, 0, false, false, true, false, false, false);
    }

    private final MainViewModel main = new MainViewModel(new BalanceCardViewModelTest.Recorder() {
        @Override
        public CompletionStage<List<DailyRollup>> history(String accountId, String currency, LocalDate from, LocalDate to) {
            asked.add(accountId + " " + currency + " " + from + ".." + to);
            return history;
        }
    }, Runnable::run, ZoneOffset.UTC, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void clickingTheSparklineShowsThirtyDaysOfBalanceAndSpendAndGoesBack() {
        main.apply(List.of(new AccountState(target("deepseek", "ds", "DeepSeek (work)", null), deepseek(NOW, "110.00"),
                null, NOW, null, false, 0)), Map.of("ds", List.of(week())), NOW);
        main.cards().getFirst().openChart();
        ChartViewModel chart = main.chartProperty().get();
        assertEquals(List.of("ds CNY 2026-10-24..2026-11-22"), asked, "30 days, today included, in the card's currency");
        assertEquals("DeepSeek (work) — last 30 days", chart.titleProperty().get());
        assertEquals("Reading the history…", chart.statusProperty().get());
        history.complete(List.of(day("2026-11-21", "114.10", "4.10"), day("2026-11-22", null, "0.00")));
        assertEquals("", chart.statusProperty().get());
        assertEquals(List.of("21 Nov: balance ¥114.10 · spent ¥4.10", "22 Nov: spent ¥0.00"),
                chart.days().stream().map(ChartViewModel.Day::text).toList(), "exact money, currency kept");
        assertEquals("Balance (CNY)", chart.balanceName());
        assertEquals("Estimated spend per day (CNY)", chart.spendName());
        main.closeChart();
        assertNull(main.chartProperty().get(), "back to the accounts");
    }

    @Test
    void noHistoryOrAFailedReadSaysSo() {
        ChartViewModel chart = new ChartViewModel("Kimi", "CNY", CompletableFuture.failedFuture(
                new IllegalStateException("database locked")), Runnable::run);
        assertEquals("No history for the last 30 days yet", chart.statusProperty().get());
        assertEquals(0, chart.days().size());
    }

    @Test
    void noSparklineNoChart() {
        main.apply(List.of(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"),
                null, NOW, null, false, 0)), Map.of(), NOW);
        main.cards().getFirst().openChart();
        assertNull(main.chartProperty().get());
        assertEquals(List.of(), asked);
    }
}
