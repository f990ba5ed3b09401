package dev.tally.ui;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.poll.AccountState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.tally.ui.BalanceCardViewModelTest.NOW;
import static dev.tally.ui.BalanceCardViewModelTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Issue 14: problems first, a summary header, a red Empty state and what a failed check says. No toolkit. */
class MainWindowSummaryTest {
    private final MainViewModel vm = new MainViewModel(new BalanceCardViewModelTest.Recorder(), Runnable::run, ZoneOffset.UTC);

    private static BalanceSnapshot one(String provider, Instant at, String currency, String total) {
        return new BalanceSnapshot(ProviderId.of(provider), at, true,
                List.of(new CurrencyBalance(currency, new BigDecimal(total), null, null, false)), null, null);
    }

    private static AccountState ok(String provider, String id, String label, String threshold, String currency, String total) {
        Money t = threshold == null ? null : new Money(new BigDecimal(threshold), currency);
        return new AccountState(target(provider, id, label, t), one(provider, NOW.minusSeconds(60), currency, total), null,
                NOW.minusSeconds(60), null, false, 0);
    }

    private List<String> order() {
        return vm.cards().stream().map(BalanceCardViewModel::id).toList();
    }

    @Test
    void cardsAreWorstFirstThenByLabelAndTheHeaderCountsAndTotalsPerCurrency() {
        AccountState fine = ok("deepseek", "b-ok", "Beta", null, "CNY", "110.00");
        AccountState fine2 = ok("deepseek", "a-ok", "alpha", null, "CNY", "3.10");
        AccountState low = ok("openrouter", "low", "Zed", "5.00", "USD", "3.10");
        AccountState empty = ok("moonshot", "empty", "Moon", null, "CNY", "0.00");
        AccountState stale = new AccountState(target("deepseek", "stale", "Old", null),
                one("deepseek", NOW.minus(Duration.ofHours(3)), "CNY", "20.00"), null, NOW.minus(Duration.ofHours(3)), null, false, 0);
        AccountState error = new AccountState(target("deepseek", "err", "Work", null), one("deepseek", NOW.minus(Duration.ofHours(1)), "USD", "7.00"),
                new FetchError.AuthFailed("the key was rejected (HTTP 401)"), NOW.minusSeconds(60), null, true, 3);
        vm.apply(List.of(fine, low, error, fine2, stale, empty), Map.of(), NOW);

        assertEquals(List.of("err", "empty", "low", "stale", "a-ok", "b-ok"), order(),
                "error, empty, low, stale, ok — then the label, whatever its case");
        assertEquals("4 of 6 need attention", vm.attentionProperty().get());
        assertEquals("Total $10.10 · ¥133.10", vm.totalsProperty().get(),
                "added up per currency (in the order the cards show them), never converted");
        vm.setHideAmounts(true, NOW);
        assertEquals("Total ••• · •••", vm.totalsProperty().get());
    }

    @Test
    void anAccountThatTurnsEmptyMovesUpAndHealthyOnesSayAllOk() {
        vm.apply(List.of(ok("deepseek", "a", "A", null, "CNY", "9.00"), ok("deepseek", "b", "B", null, "CNY", "8.00")),
                Map.of(), NOW);
        assertEquals("All 2 accounts ok", vm.attentionProperty().get());
        assertEquals(List.of("a", "b"), order());
        vm.applyOne(ok("deepseek", "b", "B", null, "CNY", "0"), List.of(), NOW);
        assertEquals(List.of("b", "a"), order(), "a poll that empties an account moves it to the top");
        assertEquals("1 of 2 needs attention", vm.attentionProperty().get());
    }

    @Test
    void aUsedUpBalanceIsARedEmptyBadgeNotAnAmberLow() {
        BalanceCardViewModel card = new BalanceCardViewModel("m", new BalanceCardViewModelTest.Recorder(), Runnable::run);
        card.update(ok("moonshot", "m", "Moonshot", "5.00", "CNY", "0.00"), List.of(), NOW, false);
        assertEquals(BalanceCardViewModel.Badge.EMPTY, card.badgeProperty().get());
        assertEquals("Empty", card.badgeTextProperty().get());
        assertEquals("Balance used up — API calls will fail until you top up; checked 1 min ago",
                card.badgeDetailProperty().get(), "the notification's meaning, in the card's words");
        card.update(ok("moonshot", "m", "Moonshot", "5.00", "CNY", "3.10"), List.of(), NOW, false);
        assertEquals(BalanceCardViewModel.Badge.LOW, card.badgeProperty().get(), "¥3.10 under a ¥5 alert is low, not empty");
    }

    @Test
    void aFailedCheckSaysWhenItFailedAndWhichValueIsShown() {
        ZoneOffset zone = ZoneOffset.ofHours(8);
        BalanceCardViewModel card = new BalanceCardViewModel("d", new BalanceCardViewModelTest.Recorder(), Runnable::run, zone);
        Instant good = Instant.parse("2026-11-22T06:05:00Z"); // 14:05 at +08:00
        Instant now = good.plus(Duration.ofMinutes(40));
        AccountState failed = new AccountState(target("deepseek", "d", "DeepSeek", null), one("deepseek", good, "CNY", "3.10"),
                new FetchError.AuthFailed("the key was rejected (HTTP 401)"), now.minus(Duration.ofMinutes(12)), null, true, 4);
        card.update(failed, List.of(), now, false);
        assertEquals("last check failed 12 min ago — showing ¥3.10 from 14:05", card.updatedProperty().get());
        card.update(failed, List.of(), now, true);
        assertEquals("last check failed 12 min ago — showing the value from 14:05", card.updatedProperty().get());
        card.update(new AccountState(target("deepseek", "d", "DeepSeek", null), null,
                new FetchError.AuthFailed("rejected"), now.minus(Duration.ofMinutes(2)), null, true, 1), List.of(), now, false);
        assertEquals("last check failed 2 min ago — no balance yet", card.updatedProperty().get());
    }

    @Test
    void aPassingFailureWithAValueIsStaleOnTheCardAsInTheTray() {
        BalanceCardViewModel card = new BalanceCardViewModel("d", new BalanceCardViewModelTest.Recorder(), Runnable::run);
        card.update(new AccountState(target("deepseek", "d", "DeepSeek", null), one("deepseek", NOW.minusSeconds(400), "CNY", "9.00"),
                new FetchError.Timeout("no answer within 15 s"), NOW.minusSeconds(30), null, true, 1), List.of(), NOW, false);
        assertEquals(BalanceCardViewModel.Badge.STALE, card.badgeProperty().get());
        assertEquals("Stale: timed out", card.badgeTextProperty().get());
        assertEquals(dev.tally.status.State.STALE, card.summary().state(), "the tray's state");
    }
}
