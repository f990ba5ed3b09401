package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.Remedy;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ZenMuxProviderTest {
    private static final String PATH = "/api/v1/management/payg/balance";
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new ZenMuxProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void docsExampleGivesTotalWithTopUpAndBonusInTheStatedCurrency() throws Exception {
        server.fixture(PATH, 200, "zenmux/balance.json");
        BalanceSnapshot s = harness.fetch();
        CurrencyBalance usd = s.balances().getFirst();
        assertEquals("USD", usd.currency());
        assertFalse(usd.currencyAssumed(), "the answer states its currency");
        assertEquals("482.74", usd.total().toPlainString());
        assertEquals("35.00", usd.paid().toPlainString());
        assertEquals("447.74", usd.granted().toPlainString());
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void theManagementKeyIsTheOnlySlot() {
        assertEquals("management", new ZenMuxProvider().info().keySlots().getFirst().name());
        assertEquals("ZENMUX_MANAGEMENT_KEY", new ZenMuxProvider().info().keySlots().getFirst().envVar());
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertEquals(java.util.List.of("ZENMUX_MANAGEMENT_KEY"), ((Remedy.SetKey) e.remedy()).envVars());
    }

    @Test
    void moneyAsStringsIsAccepted() throws Exception {
        server.fixture(PATH, 200, "zenmux/balance-strings.json");
        assertEquals("482.74", harness.fetch().balances().getFirst().total().toPlainString());
    }

    @Test
    void successFalseInsideHttp200IsBadResponseWithZenMuxWords() {
        server.fixture(PATH, 200, "zenmux/balance-error-envelope.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("Balance service unavailable"), e.message());
    }

    @Test
    void missingTotalIsBadResponseNamingIt() {
        server.fixture(PATH, 200, "zenmux/balance-missing-total.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'total_credits' is missing"), e.message());
    }

    @Test
    void missingCurrencyIsBadResponseNotAGuess() {
        server.fixture(PATH, 200, "zenmux/balance-missing-currency.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("currency is missing"), e.message());
    }

    @Test
    void wrongTypeIsBadResponse() {
        server.fixture(PATH, 200, "zenmux/balance-wrong-type.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("total_credits"), e.message());
    }

    @Test
    void http422IsRateLimitedAsDocumented() {
        server.fixture(PATH, 422, "zenmux/error-422.json");
        FetchError e = harness.fail();
        assertInstanceOf(FetchError.RateLimited.class, e);
        assertTrue(e.message().contains("Too many requests"), e.message());
    }

    @Test
    void anOrdinaryKeyIsForbiddenAndSaysAManagementKeyIsNeeded() {
        server.fixture(PATH, 403, "zenmux/error-403.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("management API key"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        server.fixture(PATH, 401, "zenmux/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("Invalid API key"), e.message());
    }
}
