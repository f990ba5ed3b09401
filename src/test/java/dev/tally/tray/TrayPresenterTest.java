package dev.tally.tray;

import dev.tally.core.FetchError;
import dev.tally.poll.AccountState;
import dev.tally.status.State;
import dev.tally.status.Summary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.tally.tray.TrayFixtures.NOW;
import static dev.tally.tray.TrayFixtures.balance;
import static dev.tally.tray.TrayFixtures.deepseek;
import static dev.tally.tray.TrayFixtures.failed;
import static dev.tally.tray.TrayFixtures.minutesAgo;
import static dev.tally.tray.TrayFixtures.moonshot;
import static dev.tally.tray.TrayFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Icon, tooltip and menu come from one summary, so they tell the same story. */
class TrayPresenterTest {

    @Test
    void iconTooltipAndMenuAreDrawnFromOneSummary() {
        List<AccountState> states = List.of(ok(deepseek(), balance("deepseek", minutesAgo(3), "CNY", "110.00")),
                failed(moonshot(), null, new FetchError.AuthFailed("rejected"), minutesAgo(3)));
        TrayPresenter.View v = TrayPresenter.present(states, NOW, false);
        assertEquals(State.ERROR, v.icon());
        assertEquals(v.summary().overall(), v.icon());
        assertEquals("Tally — 1 needs attention", v.tooltip(), "short: the accounts are in the menu");
        assertEquals(new TrayMenu.Row("moonshot", State.ERROR, "✕ Moonshot — key rejected · 3 min ago"),
                v.menu().getFirst(), "worst first");
        assertEquals(TrayText.shortTooltip(v.summary(), false), v.tooltip());
        assertEquals(TrayMenu.of(v.summary(), NOW, false), v.menu());
    }

    @Test
    void hiddenAmountsHideThemInTooltipAndMenuAlike() {
        TrayPresenter.View v = TrayPresenter.present(Summary.of(
                List.of(ok(deepseek(), balance("deepseek", minutesAgo(3), "CNY", "110.00"))), NOW), NOW, true);
        assertEquals("Tally — 1 account ok", v.tooltip());
        assertEquals(new TrayMenu.Row("deepseek", State.OK, "✓ DeepSeek — ••• · 3 min ago"), v.menu().getFirst());
    }

    @Test
    void theViewReachesTheBackendWhole() {
        List<String> seen = new ArrayList<>();
        TrayBackend backend = new TrayBackend() {
            @Override
            public boolean isSupported() {
                return true;
            }

            @Override
            public CompletionStage<Boolean> show(State state, String tooltip, List<TrayMenu.Entry> menu) {
                seen.add("show " + state + " " + tooltip + " " + menu.size());
                return CompletableFuture.completedFuture(true);
            }

            @Override
            public void update(State state, String tooltip, List<TrayMenu.Entry> menu) {
                seen.add("update " + state + " " + tooltip + " " + menu.size());
            }

            @Override
            public void remove() {
            }

            @Override
            public boolean isShowing() {
                return true;
            }
        };
        TrayPresenter.View v = TrayPresenter.present(List.of(), NOW, false);
        v.showOn(backend);
        v.updateOn(backend);
        assertEquals(List.of("show NO_DATA Tally — no accounts yet 7", "update NO_DATA Tally — no accounts yet 7"), seen);
    }
}
