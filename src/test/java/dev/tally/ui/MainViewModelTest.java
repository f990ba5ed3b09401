package dev.tally.ui;

import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.tally.ui.BalanceCardViewModelTest.NOW;
import static dev.tally.ui.BalanceCardViewModelTest.deepseek;
import static dev.tally.ui.BalanceCardViewModelTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MainViewModelTest {
    private final BalanceCardViewModelTest.Recorder actions = new BalanceCardViewModelTest.Recorder();
    private final MainViewModel vm = new MainViewModel(actions, Runnable::run, ZoneOffset.UTC);

    private static AccountState state(String id, Instant polled) {
        FetchTarget t = target("deepseek", id, "DeepSeek " + id, null);
        return new AccountState(t, polled == null ? null : deepseek(polled, "1.00"), null, polled, null, false, 0);
    }

    private static List<AccountState> accounts(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> state("a" + i, NOW)).toList();
    }

    @Test
    void compactRowsSwitchOnByThemselvesForManyAccounts() {
        vm.apply(accounts(4), Map.of(), NOW);
        assertFalse(vm.compactProperty().get(), "4 cards: full cards");
        vm.apply(accounts(5), Map.of(), NOW);
        assertTrue(vm.compactProperty().get(), "5 accounts: one line each, so 12 fit without scrolling");
        vm.apply(accounts(3), Map.of(), NOW);
        assertFalse(vm.compactProperty().get(), "back to cards when accounts are removed");
        assertEquals("One line per account; on by itself for more than 4 accounts", MainViewModel.compactHint());
    }

    @Test
    void theCompactToggleWinsAndIsRemembered() {
        vm.apply(accounts(12), Map.of(), NOW);
        vm.toggleCompact();
        assertFalse(vm.compactProperty().get(), "toggled off with 12 accounts");
        vm.apply(accounts(12), Map.of(), NOW);
        assertFalse(vm.compactProperty().get(), "stays off: the choice wins over the count");
        vm.toggleCompact();
        assertTrue(vm.compactProperty().get());
        assertEquals(List.of("compact false", "compact true"), actions.calls, "each choice saved in the preferences");
        MainViewModel restarted = new MainViewModel(actions, Runnable::run, ZoneOffset.UTC);
        restarted.setCompactChoice(true);
        restarted.apply(accounts(1), Map.of(), NOW);
        assertTrue(restarted.compactProperty().get(), "the saved choice holds after a restart");
    }

    @Test
    void emptyStateOffersToAddAndImport() {
        vm.apply(List.of(), Map.of(), NOW);
        assertTrue(vm.emptyProperty().get());
        assertEquals("No checks yet", vm.footerProperty().get());
        vm.setImportOffer(List.of("DeepSeek", "OpenRouter"));
        assertEquals("Keys found in your environment for DeepSeek, OpenRouter. Add them as accounts?", vm.importOfferProperty().get());
        vm.importFromEnvironment();
        vm.openSettings();
        assertEquals(List.of("import", "settings"), actions.calls);
    }

    @Test
    void cardsFollowAccountsInOrderAndKeepTheirIdentity() {
        vm.apply(List.of(state("a", NOW.minusSeconds(60)), state("b", NOW.minusSeconds(30))), Map.of(), NOW);
        assertFalse(vm.emptyProperty().get());
        assertEquals(List.of("a", "b"), vm.cards().stream().map(BalanceCardViewModel::id).toList());
        assertEquals("Last check 04:59", vm.footerProperty().get());
        BalanceCardViewModel a = vm.cards().getFirst();
        vm.apply(List.of(state("a", NOW)), Map.of(), NOW);
        assertEquals(1, vm.cards().size(), "a removed account loses its card");
        assertSame(a, vm.cards().getFirst(), "an existing card is updated, not rebuilt");
    }

    @Test
    void refreshAllShowsEachCardsProgressUntilEveryAccountAnswered() {
        vm.apply(List.of(state("a", null), state("b", null)), Map.of(), NOW);
        vm.cards().get(1).refresh();
        vm.refreshAll();
        assertTrue(vm.refreshingAllProperty().get());
        assertTrue(vm.cards().stream().allMatch(c -> c.refreshingProperty().get()), "every card spins");
        assertEquals(List.of("refresh b", "refresh a"), actions.calls, "a card already refreshing is joined, not asked twice");
        actions.pending.complete(null);
        assertFalse(vm.refreshingAllProperty().get());
        assertTrue(vm.cards().stream().noneMatch(c -> c.refreshingProperty().get()));
    }

    @Test
    void theEmptyStateNamesProvidersAsEverywhereElse() {
        String text = MainViewModel.emptyText(dev.tally.provider.ProviderCatalog.standard().supported().stream()
                .map(dev.tally.provider.ProviderInfo::displayName).toList());
        assertTrue(text.contains("Moonshot, Novita AI, "), text);
        assertTrue(text.endsWith(" and Anthropic accounts. Keys stay in your system keychain."), text);
    }

    @Test
    void hideAmountsReachesEveryCard() {
        vm.apply(List.of(state("a", NOW), state("b", NOW)), Map.of(), NOW);
        vm.setHideAmounts(true, NOW);
        assertTrue(vm.cards().stream().allMatch(c -> c.amounts().getFirst().amount().equals("•••")));
    }
}
