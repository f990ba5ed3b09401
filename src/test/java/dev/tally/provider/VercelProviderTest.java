package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VercelProviderTest {
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new VercelProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void docsExampleIsTheTeamsBalanceInUsdMarkedAssumed() throws Exception {
        server.fixture("/v1/credits", 200, "vercel/credits.json");
        BalanceSnapshot s = harness.fetch();
        CurrencyBalance usd = s.balances().getFirst();
        assertEquals(1, s.balances().size());
        assertEquals("USD", usd.currency());
        assertEquals("95.50", usd.total().toPlainString());
        assertTrue(usd.currencyAssumed(), "the answer states no currency; the docs say USD");
        assertNull(usd.paid());
        assertNull(s.spend());
        assertNull(s.keyLimit());
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("/v1/credits", r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void numbersInsteadOfStringsKeepTheirScale() throws Exception {
        server.fixture("/v1/credits", 200, "vercel/credits-numbers.json");
        assertEquals("95.5", harness.fetch().balances().getFirst().total().toPlainString());
    }

    @Test
    void missingBalanceIsBadResponseNamingTheFieldNotZero() {
        server.fixture("/v1/credits", 200, "vercel/credits-missing-balance.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'balance' is missing"), e.message());
    }

    @Test
    void wrongTypeIsBadResponse() {
        server.fixture("/v1/credits", 200, "vercel/credits-wrong-type.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("balance"), e.message());
    }

    @Test
    void errorEnvelopeInsideHttp200IsBadResponseWithVercelsWords() {
        server.fixture("/v1/credits", 200, "vercel/credits-error-envelope.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("Internal server error"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        server.fixture("/v1/credits", 401, "vercel/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("Invalid API key"), e.message());
    }
}
