package dev.tally.desktop;

import dev.tally.account.Account;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.ProviderId;
import dev.tally.history.WeekSummary;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.ProviderCatalog;
import dev.tally.testing.ManualClock;
import dev.tally.ui.BalanceCardViewModel;
import dev.tally.ui.MainViewModel;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shell's one path from engine events to the window's cards, without a toolkit. */
class WindowFeedTest {
    private static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");
    private final ManualClock clock = new ManualClock(NOW);
    private final List<AccountState> states = new ArrayList<>();
    private final List<Runnable> uiQueue = new ArrayList<>();
    private final AtomicInteger historyReads = new AtomicInteger();
    private boolean hide;
    private final WindowFeed feed = new WindowFeed(() -> List.copyOf(states), s -> {
        historyReads.incrementAndGet();
        return List.<WeekSummary>of();
    }, () -> hide, clock, uiQueue::add);
    private final List<String> refreshed = new ArrayList<>();
    private final MainViewModel window = new MainViewModel(new dev.tally.ui.IdleActions() {
        @Override
        public CompletionStage<?> refresh(String accountId) {
            refreshed.add(accountId);
            return new CompletableFuture<>();
        }
    }, Runnable::run, ZoneOffset.UTC);

    private static AccountState deepseek(String id, String cny, Instant at) {
        Account a = new Account(id, ProviderId.of("deepseek"), "DeepSeek " + id, null, null, null, null, 5);
        FetchTarget t = FetchTarget.of(a, ProviderCatalog.standard().find("deepseek").orElseThrow());
        BalanceSnapshot s = new BalanceSnapshot(ProviderId.of("deepseek"), at, true,
                List.of(new CurrencyBalance("CNY", new BigDecimal(cny), null, null, false)), null, null);
        return new AccountState(t, s, null, at, null, false, 0);
    }

    private void runUi() {
        List<Runnable> tasks = List.copyOf(uiQueue);
        uiQueue.clear();
        tasks.forEach(Runnable::run);
    }

    private String amount(int card) {
        return window.cards().get(card).amounts().getFirst().amount();
    }

    @Test
    void withoutAWindowEventsCostNothingAndTheWindowIsFilledInFullWhenAttached() {
        states.add(deepseek("work", "110.00", NOW));
        feed.showAll();
        feed.showOne(states.getFirst());
        feed.tick();
        assertFalse(feed.refreshAll(), "no window: the caller refreshes without one");
        assertEquals(0, historyReads.get(), "no history read for a window that does not exist");
        assertTrue(uiQueue.isEmpty());

        WindowFeed.Cards cards = feed.read();
        feed.attach(window);
        feed.apply(cards);
        assertEquals(1, window.cards().size());
        assertEquals("¥110.00", amount(0));
    }

    @Test
    void pollsReachTheCardsOnlyThroughTheUiExecutor() {
        states.add(deepseek("work", "110.00", NOW));
        feed.attach(window);
        feed.apply(feed.read());

        AccountState polled = deepseek("work", "95.50", NOW.plusSeconds(300));
        feed.showOne(polled);
        assertEquals("¥110.00", amount(0), "nothing touches the view model off the UI thread");
        runUi();
        assertEquals("¥95.50", amount(0));

        clock.advance(Duration.ofMinutes(3));
        feed.tick();
        runUi();
        BalanceCardViewModel card = window.cards().getFirst();
        assertTrue(card.updatedProperty().get().startsWith("updated "), card.updatedProperty().get());
    }

    @Test
    void showAllAppliesTheAccountListAndHiddenAmounts() {
        states.add(deepseek("a", "1.00", NOW));
        feed.attach(window);
        feed.apply(feed.read());
        states.add(deepseek("b", "2.00", NOW));
        hide = true;
        feed.showAll();
        runUi();
        assertEquals(2, window.cards().size(), "an account added elsewhere gets its card");
        assertEquals("•••", amount(1), "amounts hidden as the preferences say");
    }

    @Test
    void refreshAllGoesThroughTheCards() {
        states.add(deepseek("a", "1.00", NOW));
        states.add(deepseek("b", "2.00", NOW));
        feed.attach(window);
        feed.apply(feed.read());
        assertTrue(feed.refreshAll());
        runUi();
        assertEquals(List.of("a", "b"), refreshed.stream().sorted().toList());
        assertTrue(window.cards().stream().allMatch(c -> c.refreshingProperty().get()), "every card spins");
    }
}
