package dev.tally.ui;

import dev.tally.account.Account;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.KnownTopUp;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.core.SpendReport;
import dev.tally.core.SpendSince;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.ProviderCatalog;
import dev.tally.status.AccountSummary;
import dev.tally.status.State;
import dev.tally.tray.TrayText;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An OpenAI account with a known top-up: the card and the tray menu show the estimate, labelled as one. */
class EstimateCardTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    private static final KnownTopUp TOP_UP = new KnownTopUp(Money.of("120.00", "USD"), Instant.parse("2026-11-19T15:00:00Z"));

    private final BalanceCardViewModel vm = new BalanceCardViewModel("openai", new BalanceCardViewModel.Actions() {
        @Override
        public java.util.concurrent.CompletionStage<?> refresh(String accountId) {
            return java.util.concurrent.CompletableFuture.completedFuture(null);
        }

        @Override
        public void editKey(String accountId) {
        }
    }, Runnable::run);

    private static FetchTarget target(KnownTopUp topUp, Money threshold) {
        Account a = new Account("openai", ProviderId.of("openai"), "OpenAI", null, null, null, threshold, 5,
                topUp == null ? List.of() : List.of(topUp));
        return FetchTarget.of(a, ProviderCatalog.standard().find("openai").orElseThrow());
    }

    private static BalanceSnapshot spend(Instant at, String month, String sinceTopUp, String currency) {
        return new BalanceSnapshot(ProviderId.of("openai"), at, null, List.of(),
                new SpendReport(Money.of(month, currency), SpendReport.MONTH_TO_DATE, Instant.parse("2026-11-01T00:00:00Z"),
                        at, new SpendSince(Money.of(sinceTopUp, currency), TOP_UP.at(),
                        Instant.parse("2026-11-20T00:00:00Z"), at, true)), null);
    }

    private static AccountState state(FetchTarget t, BalanceSnapshot s) {
        return new AccountState(t, s, null, s.fetchedAt(), null, false, 0);
    }

    @Test
    void theCardShowsTheEstimateWithItsBasisAndSaysWhichDaysCount() {
        vm.update(state(target(TOP_UP, null), spend(NOW.minusSeconds(60), "60.00", "41.20", "USD")), List.of(), NOW, false);
        BalanceCardViewModel.AmountLine e = vm.amounts().getFirst();
        assertEquals(BalanceCardViewModel.AmountKind.ESTIMATE, e.kind());
        assertEquals("≈ $78.80", e.amount());
        assertEquals("estimated left (unverified)", e.caption());
        assertEquals("$120.00 on 19 Nov − $41.20 reported since", e.breakdown());
        assertTrue(vm.noteProperty().get().contains(
                "spend counted from 20 Nov: OpenAI reports whole days, so the rest of 19 Nov is not counted"),
                vm.noteProperty().get());
        // 78.80 left after 41.20 over 2 days 05:00 (20 Nov 00:00 to 22 Nov 05:00): 4 days at that pace
        assertEquals("≈ 4 days left at this pace (estimated)", vm.runwayTextProperty().get());
        BalanceCardViewModel.AmountLine spend = vm.amounts().get(1);
        assertEquals(BalanceCardViewModel.AmountKind.SPEND, spend.kind(), "the reported spend stays, as reported");
        assertEquals("$60.00", spend.amount());
    }

    @Test
    void aUsedUpEstimateHasItsOwnWordsAndAStaleOneSaysHowOld() {
        vm.update(state(target(TOP_UP, null), spend(NOW.minus(Duration.ofHours(3)), "200.00", "130.00", "USD")),
                List.of(), NOW, false);
        assertEquals("≈ -$10.00", vm.amounts().getFirst().amount());
        String note = vm.noteProperty().get();
        assertTrue(note.contains("Your estimate is used up — check the console"), note);
        assertTrue(note.contains("Estimate as of 3 h ago: the reported spend is old"), note);
    }

    @Test
    void hiddenAmountsHideTheEstimateAndItsBasis() {
        vm.update(state(target(TOP_UP, null), spend(NOW, "60.00", "41.20", "USD")), List.of(), NOW, true);
        BalanceCardViewModel.AmountLine e = vm.amounts().getFirst();
        assertEquals("≈ •••", e.amount());
        assertFalse(e.breakdown().contains("120"), e.breakdown());
    }

    @Test
    void anotherCurrencyGivesNoEstimateAndSaysWhy() {
        KnownTopUp eur = new KnownTopUp(Money.of("100", "EUR"), TOP_UP.at());
        BalanceSnapshot s = new BalanceSnapshot(ProviderId.of("openai"), NOW, null, List.of(),
                new SpendReport(Money.of("1.00", "USD"), SpendReport.MONTH_TO_DATE, NOW, NOW,
                        new SpendSince(Money.of("1.00", "USD"), eur.at(), Instant.parse("2026-11-20T00:00:00Z"), NOW, true)), null);
        vm.update(state(target(eur, null), s), List.of(), NOW, false);
        assertTrue(vm.amounts().stream().noneMatch(a -> a.kind() == BalanceCardViewModel.AmountKind.ESTIMATE));
        assertTrue(vm.noteProperty().get().contains("No estimate: your top-up is in EUR but OpenAI reports spend in USD"),
                vm.noteProperty().get());
    }

    @Test
    void theTrayMenuLabelsTheEstimateAndAThresholdOnItMakesTheAccountLow() {
        AccountSummary s = AccountSummary.of(state(target(TOP_UP, Money.of("100", "USD")),
                spend(NOW, "60.00", "41.20", "USD")), NOW);
        assertTrue(s.low(), "≈ $78.80 is below the $100 alert");
        assertEquals(State.LOW, s.state());
        String line = TrayText.menuLine(s, NOW, false);
        assertTrue(line.startsWith("OpenAI — ≈ $78.80 left (estimate) · $60.00 spent this month"), line);
    }

    @Test
    void aBalanceFallingFasterThanTheReportedUsageMarksTheCard() {
        FetchTarget t = FetchTarget.of(new Account("or", ProviderId.of("openrouter"), "OpenRouter", null, null, null, null, 5),
                ProviderCatalog.standard().find("openrouter").orElseThrow());
        BalanceSnapshot s = new BalanceSnapshot(ProviderId.of("openrouter"), NOW, null,
                List.of(dev.tally.core.CurrencyBalance.of("USD", new java.math.BigDecimal("70.00"))), null, null);
        dev.tally.history.Reconciliation off = new dev.tally.history.Reconciliation(new java.math.BigDecimal("18.00"),
                new java.math.BigDecimal("12.00"), Instant.parse("2026-11-21T04:00:00Z"), Duration.ofHours(25));
        dev.tally.history.WeekSummary w = new dev.tally.history.WeekSummary("USD", List.of(), new java.math.BigDecimal("18.00"),
                false, null, null, 2, null, off);
        BalanceCardViewModel card = new BalanceCardViewModel("or", new BalanceCardViewModel.Actions() {
            @Override
            public java.util.concurrent.CompletionStage<?> refresh(String accountId) {
                return java.util.concurrent.CompletableFuture.completedFuture(null);
            }

            @Override
            public void editKey(String accountId) {
            }
        }, Runnable::run, java.time.ZoneOffset.UTC);
        card.update(state(t, s), List.of(w), NOW, false);
        assertTrue(card.noteProperty().get().contains("Balance drops and reported usage disagree by $6.00 since Sat 04:00"),
                card.noteProperty().get());

        dev.tally.history.Reconciliation agree = new dev.tally.history.Reconciliation(new java.math.BigDecimal("12.50"),
                new java.math.BigDecimal("12.00"), Instant.parse("2026-11-21T04:00:00Z"), Duration.ofHours(25));
        card.update(state(t, s), List.of(new dev.tally.history.WeekSummary("USD", List.of(), new java.math.BigDecimal("12.50"),
                false, null, null, 2, null, agree)), NOW, false);
        assertFalse(card.noteProperty().get().contains("disagree"), card.noteProperty().get());
    }
}
