package dev.tally.ui;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.Money;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.BalanceProvider;
import dev.tally.provider.Region;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The card's words for the providers added with issue 13 and the drift fixes, from what the real provider classes read
 * off a fake server on 127.0.0.1 (the documented examples), without a toolkit.
 */
class ProviderCardWordingTest {
    private static final java.time.Instant NOW = ProviderHarness.NOW;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final BalanceCardViewModel vm = new BalanceCardViewModel("acct", new BalanceCardViewModelTest.Recorder(),
            Runnable::run);

    @AfterEach
    void stop() {
        server.close();
    }

    private BalanceProvider provider(String id) {
        return BalanceCardViewModelTest.CATALOG.provider(BalanceCardViewModelTest.CATALOG.find(id).orElseThrow().id())
                .orElseThrow();
    }

    private void show(String id, String label, Money threshold, BalanceSnapshot s, FetchError e) {
        FetchTarget t = BalanceCardViewModelTest.target(id, "acct", label, threshold);
        vm.update(new AccountState(t, s, e, NOW, null, e != null, e == null ? 0 : 1), List.of(), NOW, false);
    }

    @Test
    void zenMuxShowsTheTotalWithTopUpAndBonusAndFallsBelowAUsdAlert() throws Exception {
        server.fixture("/api/v1/management/payg/balance", 200, "zenmux/balance.json");
        BalanceSnapshot s = new ProviderHarness(provider("zenmux"), server).fetch();
        show("zenmux", "ZenMux", Money.of("500", "USD"), s, null);
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("$482.74", a.amount());
        assertEquals("USD", a.code());
        assertEquals("paid $35.00 · granted $447.74", a.breakdown());
        assertFalse(a.assumed(), "ZenMux states the currency");
        assertTrue(a.low());
        assertEquals("Below your $500.00 alert", vm.lowTextProperty().get());
        assertEquals("ZenMux", vm.titleProperty().get());
        assertEquals("", vm.subtitleProperty().get());
    }

    @Test
    void aiHubMixShowsDollarsFromQuotaMarkedAssumed() throws Exception {
        server.fixture("/api/user/self", 200, "aihubmix/user-self.json");
        BalanceSnapshot s = new ProviderHarness(provider("aihubmix"), server).fetch();
        show("aihubmix", "AIHubMix", null, s, null);
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("USD", a.code());
        assertTrue(a.amount().startsWith("$58.14"), a.amount());
        assertTrue(a.assumed(), "the answer states no currency");
        assertEquals(BalanceCardViewModel.Badge.LIVE, vm.badgeProperty().get());
    }

    @Test
    void xaiSaysBesideTheAmountThatItIsThePostedLedger() throws Exception {
        server.fixture("/v1/billing/teams/team-1/prepaid/balance", 200, "xai/balance.json");
        BalanceSnapshot s = new ProviderHarness(provider("xai"), server).fetch(null, "team-1",
                Map.of("management", ProviderHarness.CANARY));
        show("xai", "xAI", null, s, null);
        assertEquals("$10.00", vm.amounts().getFirst().amount());
        assertEquals("Posted ledger: can be higher than the console's figure by this billing cycle's spend that is not"
                + " posted yet", vm.noteProperty().get());
    }

    @Test
    void anOpenRouterKeyThatExpiresSoonIsToldOnTheCard() throws Exception {
        server.fixture("/api/v1/key", 200, "openrouter/key-expires-soon.json");
        BalanceSnapshot s = new ProviderHarness(provider("openrouter"), server).fetch();
        show("openrouter", "OpenRouter", null, s, null);
        assertEquals("$74.50", vm.amounts().getFirst().amount());
        assertEquals("This key expires on 2026-11-25 12:00 UTC", vm.noteProperty().get());
    }

    @Test
    void aSiliconFlowChinaAccountSaysTheApiWasRetiredNotThatTheKeyIsBad() {
        server.json("/v1/user/info", 410, "{\"code\":410,\"message\":\"Gone\",\"data\":null}");
        FetchError e;
        try {
            new ProviderHarness(provider("siliconflow"), server).fetch(Region.CHINA, null,
                    Map.of("api", ProviderHarness.CANARY));
            throw new AssertionError("expected the fetch to fail");
        } catch (FetchException x) {
            e = x.error();
        }
        show("siliconflow", "SiliconFlow", null, null, e);
        assertEquals(BalanceCardViewModel.Badge.UNSUPPORTED, vm.badgeProperty().get());
        assertTrue(vm.badgeDetailProperty().get().startsWith("SiliconFlow retired the balance API of its China site"
                + " (api.siliconflow.cn) on 2026-08-14"), vm.badgeDetailProperty().get());
        assertTrue(vm.badgeDetailProperty().get().contains("the console at cloud.siliconflow.cn shows the balance"));
        assertFalse(vm.canEditKeyProperty().get(), "the key is not the problem");
        assertFalse(vm.reasonProperty().get().contains("Key rejected"), vm.reasonProperty().get());
    }
}
