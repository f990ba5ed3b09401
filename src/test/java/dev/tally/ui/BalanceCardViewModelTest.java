package dev.tally.ui;

import dev.tally.account.Account;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.ProviderCatalog;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The card's view model, without a toolkit. */
class BalanceCardViewModelTest {
    static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    static final ProviderCatalog CATALOG = ProviderCatalog.standard();

    static final class Recorder implements MainViewModel.Actions {
        final List<String> calls = new ArrayList<>();
        CompletableFuture<Object> pending = new CompletableFuture<>();

        @Override
        public CompletionStage<?> refresh(String id) {
            calls.add("refresh " + id);
            return pending;
        }

        @Override
        public void editKey(String id) {
            calls.add("editKey " + id);
        }

        @Override
        public CompletionStage<?> refreshAll() {
            calls.add("refreshAll");
            return pending;
        }

        @Override
        public void openSettings() {
            calls.add("settings");
        }

        @Override
        public void importFromEnvironment() {
            calls.add("import");
        }
    }

    static FetchTarget target(String provider, String id, String label, Money threshold) {
        Account a = new Account(id, ProviderId.of(provider), label, null, null, null, threshold, 5);
        return FetchTarget.of(a, CATALOG.find(provider).orElseThrow());
    }

    static BalanceSnapshot deepseek(Instant at, String... cnyUsd) {
        List<CurrencyBalance> b = new ArrayList<>();
        b.add(new CurrencyBalance("CNY", new BigDecimal(cnyUsd[0]), new BigDecimal("10.00"), new BigDecimal("100.00"), false));
        if (cnyUsd.length > 1) {
            b.add(new CurrencyBalance("USD", new BigDecimal(cnyUsd[1]), null, null, false));
        }
        return new BalanceSnapshot(ProviderId.of("deepseek"), at, true, b, null, null);
    }

    private final Recorder actions = new Recorder();
    private final BalanceCardViewModel vm = new BalanceCardViewModel("ds", actions, Runnable::run);

    @Test
    void liveBalanceShowsAmountCurrencyBreakdownAndAge() {
        FetchTarget t = target("deepseek", "ds", "DeepSeek (work)", null);
        vm.update(new AccountState(t, deepseek(NOW.minusSeconds(180), "110.00"), null, NOW.minusSeconds(180), null, false, 0),
                List.of(), NOW, false);
        assertEquals("DeepSeek (work)", vm.titleProperty().get());
        assertEquals("DeepSeek", vm.subtitleProperty().get());
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("¥110.00", a.amount());
        assertEquals("CNY", a.code());
        assertEquals("paid ¥100.00 · granted ¥10.00", a.breakdown());
        assertEquals(BalanceCardViewModel.Badge.LIVE, vm.badgeProperty().get());
        assertEquals("Live", vm.badgeTextProperty().get());
        assertEquals("updated 3 min ago", vm.updatedProperty().get());
        assertFalse(vm.staleProperty().get());
        assertFalse(vm.canEditKeyProperty().get());
    }

    @Test
    void twoCurrenciesAreShownApartNeverSummed() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "0.01", "5.30"), null, NOW,
                null, false, 0), List.of(), NOW, false);
        assertEquals(List.of("¥0.01", "$5.30"), vm.amounts().stream().map(BalanceCardViewModel.AmountLine::amount).toList());
    }

    @Test
    void failedRefreshKeepsOldAmountAndShowsErrorWithFullMessageAndEditKey() {
        FetchError e = new FetchError.AuthFailed("the key was rejected by api.deepseek.com (HTTP 401: Authentication Fails)");
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW.minusSeconds(600), "110.00"), e,
                NOW, null, true, 1), List.of(), NOW, false);
        assertEquals("¥110.00", vm.amounts().getFirst().amount(), "the last good value stays");
        assertTrue(vm.staleProperty().get(), "and is marked stale");
        assertEquals(BalanceCardViewModel.Badge.ERROR, vm.badgeProperty().get());
        assertEquals("Error: key rejected", vm.badgeTextProperty().get());
        assertEquals(e.message(), vm.badgeDetailProperty().get());
        assertTrue(vm.canEditKeyProperty().get());
        vm.editKey();
        assertEquals(List.of("editKey ds"), actions.calls);
    }

    @Test
    void oldValueIsStaleWithItsAge() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW.minus(Duration.ofMinutes(25)), "1"),
                null, NOW.minus(Duration.ofMinutes(25)), null, false, 0), List.of(), NOW, false);
        assertEquals("Stale 25 min", vm.badgeTextProperty().get());
        assertTrue(vm.staleProperty().get());
        vm.tick(NOW.plus(Duration.ofMinutes(10)));
        assertEquals("Stale 35 min", vm.badgeTextProperty().get(), "ages move without new data");
    }

    @Test
    void belowThresholdIsFlaggedInThatCurrencyOnly() {
        FetchTarget t = target("deepseek", "ds", "DeepSeek", new Money(new BigDecimal("5.00"), "USD"));
        vm.update(new AccountState(t, deepseek(NOW, "1.00", "4.20"), null, NOW, null, false, 0), List.of(), NOW, false);
        assertFalse(vm.amounts().get(0).low(), "¥1.00 is not compared with a $ threshold");
        assertTrue(vm.amounts().get(1).low());
    }

    @Test
    void hiddenAmountsShowNoMoney() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"), null, NOW, null, false, 0),
                List.of(week()), NOW, true);
        assertEquals("•••", vm.amounts().getFirst().amount());
        assertFalse(vm.amounts().getFirst().breakdown().contains("100"));
        assertFalse(vm.spendTextProperty().get().contains("12"));
    }

    static WeekSummary week() {
        List<BigDecimal> buckets = new ArrayList<>(Arrays.asList(new BigDecimal[28]));
        buckets.set(20, new BigDecimal("2.10"));
        buckets.set(21, new BigDecimal("0.00"));
        buckets.set(27, new BigDecimal("10.20"));
        return new WeekSummary("CNY", buckets, new BigDecimal("12.30"), true, new BigDecimal("4.10"), new BigDecimal("26.8"), 40);
    }

    @Test
    void sparklineShowsEstimatedSpendWithGapsTotalAndRunway() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"), null, NOW, null, false, 0),
                List.of(week()), NOW, false);
        List<Double> points = vm.sparklineProperty().get();
        assertEquals(28, points.size());
        assertNull(points.get(0), "no data is a gap, not zero");
        assertEquals(0.0, points.get(21));
        assertEquals(10.2, points.get(27));
        assertEquals("¥12.30 spent this week (estimated)", vm.spendTextProperty().get());
        assertEquals("≈ 26 days left at this pace", vm.runwayTextProperty().get());
        assertTrue(vm.hasSpendProperty().get());
    }

    @Test
    void providerReportedUsageIsNotCalledAnEstimate() {
        List<BigDecimal> b = new ArrayList<>(Arrays.asList(new BigDecimal[28]));
        b.set(27, new BigDecimal("3.25"));
        WeekSummary reported = new WeekSummary("USD", b, new BigDecimal("3.25"), false, null, null, 5);
        BalanceSnapshot key = new BalanceSnapshot(ProviderId.of("openrouter"), NOW, null, List.of(), null,
                new KeyLimit("USD", null, null, new BigDecimal("3.25"), null));
        vm.update(new AccountState(target("openrouter", "or", "OpenRouter", null), key, null, NOW, null, false, 0),
                List.of(reported), NOW, false);
        assertEquals("$3.25 spent this week (reported by OpenRouter)", vm.spendTextProperty().get());
        assertEquals("This key has no spending limit · used $3.25", vm.noteProperty().get());
    }

    @Test
    void spendOnlyProviderShowsSpentThisMonth() {
        BalanceSnapshot s = new BalanceSnapshot(ProviderId.of("openai"), NOW, null, List.of(),
                new SpendReport(new Money(new BigDecimal("12.34"), "USD"), SpendReport.MONTH_TO_DATE, NOW, NOW), null);
        vm.update(new AccountState(target("openai", "oa", "OpenAI", null), s, null, NOW, null, false, 0), List.of(), NOW, false);
        assertEquals("$12.34", vm.amounts().getFirst().amount());
        assertEquals("spent this month (reported by OpenAI)", vm.amounts().getFirst().breakdown());
    }

    @Test
    void refreshShowsProgressUntilTheResultArrives() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), null, null, null, null, false, 0), List.of(), NOW, false);
        assertEquals("Checking…", vm.badgeTextProperty().get());
        vm.refresh();
        vm.refresh();
        assertTrue(vm.refreshingProperty().get());
        assertEquals(List.of("refresh ds"), actions.calls, "a second click while busy does nothing");
        actions.pending.complete(null);
        assertFalse(vm.refreshingProperty().get());
    }
}
