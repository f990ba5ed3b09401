package dev.tally.ui;

import dev.tally.core.Remedy;
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

    static class Recorder implements MainViewModel.Actions {
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
        public void openSettings() {
            calls.add("settings");
        }

        @Override
        public void importFromEnvironment() {
            calls.add("import");
        }

        @Override
        public void rememberCompact(Boolean choice) {
            calls.add("compact " + choice);
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
        assertEquals("The key was rejected by api.deepseek.com (HTTP 401: Authentication Fails)", vm.badgeDetailProperty().get(),
                "the full message on hover, as a sentence");
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
    void theSparklineIsLabelledWithItsRangeMinMaxAndTheValueUnderThePointer() {
        BalanceCardViewModel card = new BalanceCardViewModel("ds", actions, Runnable::run, java.time.ZoneOffset.UTC);
        card.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"), null, NOW, null,
                false, 0), List.of(week()), NOW, false);
        assertEquals("last 7 days", card.sparkRangeProperty().get());
        assertEquals("min ¥0.00 · max ¥10.20 per 6 h", card.sparkMinMaxProperty().get(), "exact money, currency kept");
        assertEquals("Sun 00:00: ¥10.20 spent", card.sparkPoint(27), "the bucket holding now (Sun 05:00 UTC)");
        assertEquals("Fri 06:00: ¥2.10 spent", card.sparkPoint(20));
        assertEquals("Fri 12:00: ¥0.00 spent", card.sparkPoint(21), "a zero is said");
        assertEquals("", card.sparkPoint(0), "a gap says nothing: no data is not zero");
        assertEquals("CNY", card.sparkCurrency());
        card.setHideAmounts(true, NOW);
        assertEquals("", card.sparkMinMaxProperty().get(), "hidden amounts hide the labels too");
        assertEquals("", card.sparkPoint(27));
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
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("No limit", a.amount(), "an unlimited key says so in large");
        assertEquals("", a.code());
        assertEquals("on this key", a.caption());
        assertEquals("used $3.25", a.breakdown());
        assertEquals("", vm.noteProperty().get());
    }

    @Test
    void spendOnlyProviderShowsSpentThisMonth() {
        BalanceSnapshot s = new BalanceSnapshot(ProviderId.of("openai"), NOW, null, List.of(),
                new SpendReport(new Money(new BigDecimal("12.34"), "USD"), SpendReport.MONTH_TO_DATE, NOW, NOW), null);
        vm.update(new AccountState(target("openai", "oa", "OpenAI", null), s, null, NOW, null, false, 0), List.of(), NOW, false);
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("$12.34", a.amount());
        assertEquals("spent this month", a.caption(), "said right by the number");
        assertEquals("reported by OpenAI", a.breakdown());
        assertEquals(BalanceCardViewModel.AmountKind.SPEND, a.kind(), "styled apart from a balance");
        assertFalse(a.low());
    }

    static BalanceSnapshot openRouter(CurrencyBalance credits, KeyLimit key) {
        return new BalanceSnapshot(ProviderId.of("openrouter"), NOW, null, credits == null ? List.of() : List.of(credits), null, key);
    }

    @Test
    void anOrdinaryOpenRouterKeyShowsWhatIsLeftOnItInLarge() {
        FetchTarget t = target("openrouter", "or", "OpenRouter", new Money(new BigDecimal("80.00"), "USD"));
        KeyLimit key = new KeyLimit("USD", new BigDecimal("100"), new BigDecimal("74.5"), new BigDecimal("25.5"), "monthly");
        vm.update(new AccountState(t, openRouter(null, key), null, NOW, null, false, 0), List.of(), NOW, false);
        assertEquals(1, vm.amounts().size());
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("$74.50", a.amount());
        assertEquals("USD", a.code());
        assertEquals("left on this key", a.caption());
        assertEquals("Key limit $100.00 · resets monthly", a.breakdown());
        assertEquals(BalanceCardViewModel.AmountKind.KEY, a.kind());
        assertTrue(a.low(), "$74.50 left is below the $80.00 alert, marked like a low balance");
        assertEquals("", vm.noteProperty().get(), "no muted side line instead of the amount");

        vm.update(new AccountState(target("openrouter", "or", "OpenRouter", null), openRouter(null, key), null, NOW, null, false, 0),
                List.of(), NOW, true);
        assertEquals("•••", vm.amounts().getFirst().amount());
        assertEquals("Key limit ••• · resets monthly", vm.amounts().getFirst().breakdown());
    }

    @Test
    void aKeyLimitWithoutRemainingIsLimitMinusUsage() {
        KeyLimit key = new KeyLimit("USD", new BigDecimal("10.00"), null, new BigDecimal("2.50"), null);
        vm.update(new AccountState(target("openrouter", "or", "OpenRouter", null), openRouter(null, key), null, NOW, null, false, 0),
                List.of(), NOW, false);
        assertEquals("$7.50", vm.amounts().getFirst().amount());
        assertEquals("Key limit $10.00", vm.amounts().getFirst().breakdown());
    }

    @Test
    void withBothOpenRouterKeysEachNumberSaysWhatItIs() {
        KeyLimit key = new KeyLimit("USD", new BigDecimal("100"), new BigDecimal("74.50"), new BigDecimal("25.50"), "monthly");
        CurrencyBalance credits = CurrencyBalance.of("USD", new BigDecimal("74.75"));
        vm.update(new AccountState(target("openrouter", "or", "OpenRouter", null), openRouter(credits, key), null, NOW, null,
                false, 0), List.of(), NOW, false);
        assertEquals(List.of("$74.75 credits left", "$74.50 left on this key"),
                vm.amounts().stream().map(a -> a.amount() + " " + a.caption()).toList());
        assertEquals(List.of(BalanceCardViewModel.AmountKind.BALANCE, BalanceCardViewModel.AmountKind.KEY),
                vm.amounts().stream().map(BalanceCardViewModel.AmountLine::kind).toList());
    }

    @Test
    void aPartialOpenRouterAnswerShowsTheKeysLimitAndSaysWhichKeyFailed() {
        KeyLimit key = new KeyLimit("USD", new BigDecimal("100"), new BigDecimal("74.50"), new BigDecimal("25.50"), "monthly");
        FetchError rejected = new FetchError.AuthFailed("the account's credit balance is not shown: the management key"
                + " (OPENROUTER_MANAGEMENT_KEY) was rejected by openrouter.ai (HTTP 401)");
        BalanceSnapshot partial = new BalanceSnapshot(ProviderId.of("openrouter"), NOW, null, List.of(), null, key, rejected);
        vm.update(new AccountState(target("openrouter", "or", "OpenRouter", null), partial, null, NOW, null, false, 0),
                List.of(), NOW, false);
        assertEquals(List.of("$74.50 left on this key"), vm.amounts().stream().map(a -> a.amount() + " " + a.caption()).toList());
        assertEquals("Key rejected — the account's credit balance is not shown: the management key (OPENROUTER_MANAGEMENT_KEY)"
                + " was rejected by openrouter.ai (HTTP 401)", vm.noteProperty().get());
        assertTrue(vm.canEditKeyProperty().get(), "the rejected key can be replaced from the card");
    }

    @Test
    void novitasCreditLimitHasALineOfItsOwnExplainedOnHover() {
        BalanceSnapshot s = new BalanceSnapshot(ProviderId.of("novita"), NOW, null, List.of(new CurrencyBalance("USD",
                new BigDecimal("100.0000"), null, new BigDecimal("80.0000"), false, new BigDecimal("20.0000"))), null, null);
        vm.update(new AccountState(target("novita", "nv", "Novita AI", null), s, null, NOW, null, false, 0), List.of(), NOW, false);
        assertEquals("$100.00", vm.amounts().getFirst().amount());
        assertEquals("paid $80.00", vm.amounts().getFirst().breakdown(), "paid in, and nothing else on that line");
        assertEquals("credit limit $20.00 (postpaid)", vm.amounts().getFirst().credit(), "the credit on a line of its own");
        assertEquals("Novita AI may also spend up to $20.00 on credit, billed afterwards (postpaid). It is not part of"
                + " the balance above and not money you paid in.", vm.amounts().getFirst().creditHint());
        assertFalse(vm.amounts().getFirst().empty());
        assertEquals("", vm.amounts().getFirst().caption(), "a plain balance needs no caption");
    }

    @Test
    void aUsedUpBalanceIsEmptyNotJustLow() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", new Money(new BigDecimal("5"), "CNY")),
                deepseek(NOW, "0.00"), null, NOW, null, false, 0), List.of(), NOW, false);
        assertTrue(vm.amounts().getFirst().empty(), "¥0.00 is used up: red on the card, as ⊘ on the tray");
        assertEquals(BalanceCardViewModel.Badge.EMPTY, vm.badgeProperty().get());
        assertEquals("", vm.lowTextProperty().get(), "no amber 'below your alert' under a used-up balance");
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", new Money(new BigDecimal("5"), "CNY")),
                deepseek(NOW, "3.10"), null, NOW, null, false, 0), List.of(), NOW, false);
        assertFalse(vm.amounts().getFirst().empty(), "¥3.10 under a ¥5 alert is low, not empty");
        assertTrue(vm.amounts().getFirst().low());
    }

    @Test
    void cardLinksOpenTheProvidersConsoleAndTopUpPage() {
        List<java.net.URI> opened = new ArrayList<>();
        BalanceCardViewModel card = new BalanceCardViewModel("ds", new BalanceCardViewModel.Actions() {
            @Override
            public CompletionStage<?> refresh(String accountId) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void editKey(String accountId) {
            }

            @Override
            public void open(java.net.URI page) {
                opened.add(page);
            }

            @Override
            public boolean canOpen() {
                return true;
            }
        }, Runnable::run);
        card.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"), null, NOW,
                null, false, 0), List.of(), NOW, false);
        card.openConsole();
        card.addCredits();
        assertEquals(List.of(java.net.URI.create("https://platform.deepseek.com/usage"),
                java.net.URI.create("https://platform.deepseek.com/top_up")), opened);
        assertEquals("Open DeepSeek's console in the browser", card.consoleHint());
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"), null, NOW,
                null, false, 0), List.of(), NOW, false);
        assertNull(vm.linksProperty().get(), "no browser to open them with (the recorder cannot): no links shown");
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

    @Test
    void aLowBalanceIsSaidInWordsAndOnTheBadge() {
        FetchTarget t = target("deepseek", "ds", "DeepSeek (work)", new Money(new BigDecimal("5.00"), "CNY"));
        vm.update(new AccountState(t, deepseek(NOW, "4.20"), null, NOW, null, false, 0), List.of(), NOW, false);
        assertEquals(BalanceCardViewModel.Badge.LOW, vm.badgeProperty().get());
        assertEquals("Low", vm.badgeTextProperty().get());
        assertEquals("Below your ¥5.00 alert", vm.lowTextProperty().get());
        vm.setHideAmounts(true, NOW);
        assertEquals("Below your alert", vm.lowTextProperty().get(), "no amount while hidden");
        vm.update(new AccountState(t, deepseek(NOW, "6.00"), null, NOW, null, false, 0), List.of(), NOW, false);
        assertEquals(BalanceCardViewModel.Badge.LIVE, vm.badgeProperty().get());
        assertEquals("", vm.lowTextProperty().get());
    }

    @Test
    void anErrorIsExplainedInOneLineOnTheCardWithTheFullTextOnHover() {
        FetchTarget ms = target("moonshot", "ms", "Moonshot (cn)", null);
        FetchError e = new FetchError.AuthFailed("the key was rejected by api.moonshot.cn (HTTP 401); this account uses"
                + " 'china'", new Remedy.CheckRegion());
        vm.update(new AccountState(ms, null, e, NOW, null, true, 1), List.of(), NOW, false);
        assertEquals("Key rejected — check the key or region", vm.reasonProperty().get());
        assertEquals("The key was rejected by api.moonshot.cn (HTTP 401); this account uses 'china' — check Settings → Region",
                vm.badgeDetailProperty().get(), "the widget names the setting, not the command-line flag");
        assertTrue(vm.canEditKeyProperty().get(), "Edit key… stays");
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), null,
                new FetchError.AuthFailed("rejected"), NOW, null, true, 1), List.of(), NOW, false);
        assertEquals("Key rejected — check the key", vm.reasonProperty().get(), "DeepSeek has no region to check");
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "1.00"), null, NOW, null,
                false, 0), List.of(), NOW, false);
        assertEquals("", vm.reasonProperty().get(), "gone once it works again");
    }

    @Test
    void theSubtitleSaysOnlyWhatTheTitleDoesNot() {
        Account a = new Account("ms", ProviderId.of("moonshot"), "Moonshot (cn)", "china", null, null, null, 5);
        vm.update(new AccountState(FetchTarget.of(a, CATALOG.find("moonshot").orElseThrow()), null, null, null, null, false, 0),
                List.of(), NOW, false);
        assertEquals("Moonshot · China", vm.subtitleProperty().get(), "the region capitalised as in Settings");
        vm.update(new AccountState(target("openai", "oa", "OpenAI", null), null, null, null, null, false, 0), List.of(), NOW, false);
        assertEquals("", vm.subtitleProperty().get(), "no “OpenAI / OpenAI”");
    }

    static WeekSummary weekSince(Instant first, int samples) {
        List<BigDecimal> buckets = new ArrayList<>(Arrays.asList(new BigDecimal[28]));
        buckets.set(27, new BigDecimal("0.00"));
        return new WeekSummary("CNY", buckets, new BigDecimal("0.00"), true, null, null, samples, first);
    }

    @Test
    void spendWaitsForAnHourOfDataAndSaysSinceWhenUntilItCoversAWeek() {
        FetchTarget t = target("deepseek", "ds", "DeepSeek", null);
        BalanceCardViewModel card = new BalanceCardViewModel("ds", actions, Runnable::run, java.time.ZoneOffset.UTC);
        AccountState s = new AccountState(t, deepseek(NOW, "110.00"), null, NOW, null, false, 0);
        card.update(s, List.of(weekSince(NOW.minusSeconds(20), 2)), NOW, false);
        assertEquals("spend estimate appears after a few checks", card.spendTextProperty().get(),
                "two checks seconds apart are no week of spending");
        assertFalse(card.showSparklineProperty().get(), "and no empty chart");

        card.update(s, List.of(weekSince(Instant.parse("2026-11-20T14:05:00Z"), 30)), NOW, false);
        assertEquals("¥0.00 spent since Fri 14:05 (estimated)", card.spendTextProperty().get());
        assertTrue(card.showSparklineProperty().get());

        card.update(s, List.of(weekSince(NOW.minus(Duration.ofDays(7)), 2000)), NOW, false);
        assertEquals("¥0.00 spent this week (estimated)", card.spendTextProperty().get());
    }

    @Test
    void hiddenAmountsHideTheSparklinesShapeToo() {
        vm.update(new AccountState(target("deepseek", "ds", "DeepSeek", null), deepseek(NOW, "110.00"), null, NOW, null, false, 0),
                List.of(week()), NOW, false);
        assertTrue(vm.showSparklineProperty().get());
        vm.setHideAmounts(true, NOW);
        assertFalse(vm.showSparklineProperty().get());
        assertTrue(vm.sparklineProperty().get().isEmpty(), "no points to draw either");
        assertEquals("••• spent this week (estimated)", vm.spendTextProperty().get());
    }
}
