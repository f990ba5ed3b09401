package dev.tally.ui;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Money;
import dev.tally.poll.AccountState;
import dev.tally.poll.FetchTarget;
import dev.tally.provider.LiteLlmProvider;
import dev.tally.provider.RequestyProvider;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The card of a cap-and-spend provider shows what is left on the key, the cap and when it resets, marked when low. */
class KeyLimitCardTest {
    private static final Instant NOW = ProviderHarness.NOW;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final BalanceCardViewModel vm = new BalanceCardViewModel("x", new BalanceCardViewModelTest.Recorder(),
            Runnable::run);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void requestyShowsWhatIsLeftThisMonthAndTheLimit() throws Exception {
        server.fixture("/v1/manage/apikey/self", 200, "requesty/apikey.json");
        BalanceSnapshot s = new ProviderHarness(new RequestyProvider(), server).fetch();
        FetchTarget t = BalanceCardViewModelTest.target("requesty", "rq", "Requesty", new Money(new BigDecimal("40"), "USD"));
        vm.update(new AccountState(t, s, null, NOW, null, false, 0), List.of(), NOW, false);
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("$37.70", a.amount());
        assertEquals("left on this key", a.caption());
        assertEquals("Key limit $50.00 · resets monthly", a.breakdown());
        assertTrue(a.low(), "$37.70 is below the $40 alert");
    }

    @Test
    void liteLlmSaysWhenTheBudgetResets() throws Exception {
        server.fixture("/key/info", 200, "litellm/key-info.json");
        server.fixture("/user/info", 200, "litellm/user-info.json");
        BalanceSnapshot s = new ProviderHarness(new LiteLlmProvider(), server).fetch();
        FetchTarget t = BalanceCardViewModelTest.target("litellm", "ll", "LiteLLM proxy", null);
        vm.update(new AccountState(t, s, null, NOW, null, false, 0), List.of(), NOW, false);
        BalanceCardViewModel.AmountLine a = vm.amounts().getFirst();
        assertEquals("$6.80", a.amount());
        assertEquals("Key limit $10.00 · resets 2026-12-01T00:00:00Z", a.breakdown());
    }
}
