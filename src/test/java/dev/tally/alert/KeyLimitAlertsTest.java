package dev.tally.alert;

import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Money;
import dev.tally.history.HistoryStore;
import dev.tally.provider.LiteLlmProvider;
import dev.tally.provider.NewApiProvider;
import dev.tally.provider.RequestyProvider;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Providers whose answer is a cap and a spend (Requesty, new-api relays, LiteLLM): the cap minus the spend is what is
 * left, so a low-balance alert in USD fires on it, an overspent cap is "exhausted", and no cap never alerts. Real
 * answers from fakes over sockets, real alert marks in a SQLite file.
 */
class KeyLimitAlertsTest {
    private static final Money TEN_USD = Money.of("10.00", "USD");

    @TempDir
    Path dir;
    private HistoryStore store;
    private AlertRules rules;
    private final FakeProviderServer server = FakeProviderServer.start();

    @BeforeEach
    void open() {
        store = HistoryStore.open(dir.resolve("history.db"));
        rules = new AlertRules(store.alertMarks(), AlertRules.DEFAULT_BAND, Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
        server.close();
    }

    private BalanceSnapshot requesty(String spend, String limit) throws Exception {
        server.json("/v1/manage/apikey/self", 200, "{\"monthly_spend\":" + spend + ",\"monthly_limit\":" + limit + "}");
        return new ProviderHarness(new RequestyProvider(), server).fetch();
    }

    @Test
    void aRequestyKeyNearItsMonthlyLimitAlertsOnceWithWhatIsLeft() throws Exception {
        assertTrue(rules.onSuccess("rq", "Requesty", TEN_USD, requesty("30", "50")).isEmpty(), "$20 left");
        List<Alert> alerts = rules.onSuccess("rq", "Requesty", TEN_USD, requesty("42.5", "50"));
        assertEquals(List.of(new Alert.LowBalance("rq", "Requesty", Money.of("7.5", "USD"), TEN_USD)), alerts);
        assertTrue(rules.onSuccess("rq", "Requesty", TEN_USD, requesty("45", "50")).isEmpty(), "no repeat");
    }

    @Test
    void aRequestyKeyOverItsLimitIsExhausted() throws Exception {
        List<Alert> alerts = rules.onSuccess("rq", "Requesty", TEN_USD, requesty("50.4", "50"));
        assertEquals(1, alerts.size(), alerts.toString());
        assertInstanceOf(Alert.Exhausted.class, alerts.getFirst());
    }

    @Test
    void aKeyWithoutALimitNeverAlerts() throws Exception {
        assertTrue(rules.onSuccess("rq", "Requesty", TEN_USD, requesty("999", "0")).isEmpty());
        server.fixture("/v1/dashboard/billing/subscription", 200, "newapi/subscription-unlimited.json");
        server.fixture("/v1/dashboard/billing/usage", 200, "newapi/usage.json");
        BalanceSnapshot relay = new ProviderHarness(new NewApiProvider(), server).fetch();
        assertTrue(rules.onSuccess("na", "Relay", TEN_USD, relay).isEmpty(), "one-api's placeholder is no limit");
    }

    @Test
    void aRelaysHardLimitMinusUsageAlerts() throws Exception {
        server.fixture("/v1/dashboard/billing/subscription", 200, "newapi/subscription-current.json");
        server.fixture("/v1/dashboard/billing/usage", 200, "newapi/usage.json");
        BalanceSnapshot relay = new ProviderHarness(new NewApiProvider(), server).fetch();
        List<Alert> alerts = rules.onSuccess("na", "Relay", TEN_USD, relay);
        assertEquals(List.of(new Alert.LowBalance("na", "Relay", Money.of("0.500", "USD"), TEN_USD)), alerts);
    }

    @Test
    void aLiteLlmTeamBudgetAlertsOnWhatTheTeamHasLeft() throws Exception {
        server.fixture("/key/info", 200, "litellm/key-info.json");
        server.fixture("/user/info", 200, "litellm/user-info-tight.json");
        BalanceSnapshot s = new ProviderHarness(new LiteLlmProvider(), server).fetch();
        List<Alert> alerts = rules.onSuccess("ll", "LiteLLM", TEN_USD, s);
        assertEquals(List.of(new Alert.LowBalance("ll", "LiteLLM", Money.of("2.0", "USD"), TEN_USD)), alerts);
    }
}
