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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatherlessProviderTest {
    private static final String PATH = "/credits/balance";
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new FeatherlessProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void docsExampleShowsWhatCanBeSpentExactlyFromTheNanoValue() throws Exception {
        server.fixture(PATH, 200, "featherless/balance.json");
        BalanceSnapshot s = harness.fetch();
        CurrencyBalance usd = s.balances().getFirst();
        assertEquals("USD", usd.currency());
        assertFalse(usd.currencyAssumed());
        assertEquals("42.488", usd.total().toPlainString(), "available = balance - reserved, not the balance");
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void theDecimalAloneIsEnough() throws Exception {
        server.fixture(PATH, 200, "featherless/balance-decimal-only.json");
        assertEquals("42.488", harness.fetch().balances().getFirst().total().toPlainString());
    }

    @Test
    void aNegativeBalanceIsShownAsIs() throws Exception {
        server.fixture(PATH, 200, "featherless/balance-negative.json");
        assertEquals("-1.50", harness.fetch().balances().getFirst().total().toPlainString());
    }

    @Test
    void missingAvailableIsBadResponseNamingTheFieldNotZero() {
        server.fixture(PATH, 200, "featherless/balance-missing-available.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'available_nano_usd' is missing"), e.message());
    }

    @Test
    void wrongTypesAreBadResponses() {
        server.fixture(PATH, 200, "featherless/balance-wrong-type.json");
        assertEquals(AccountStatus.BAD_RESPONSE, harness.fail().status());
        server.fixture(PATH, 200, "featherless/balance-fractional-nano.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("whole number"), e.message());
    }

    @Test
    void nanoAndDecimalThatDisagreeAreABadResponseNotAPick() {
        server.fixture(PATH, 200, "featherless/balance-disagree.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("disagree"), e.message());
    }

    @Test
    void anotherCurrencyThanTheFieldNamesIsBadResponse() {
        server.fixture(PATH, 200, "featherless/balance-other-currency.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("eur"), e.message());
    }

    @Test
    void errorObjectInsideHttp200IsBadResponse() {
        server.fixture(PATH, 200, "featherless/balance-error-envelope.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("temporarily unavailable"), e.message());
    }

    @Test
    void aMembersKeyIsForbiddenAndSaysAnAdminsKeyIsNeeded() {
        server.fixture(PATH, 403, "featherless/error-403.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("organization Admin"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        server.fixture(PATH, 401, "featherless/error-401.json");
        assertEquals(AccountStatus.AUTH_FAILED, harness.fail().status());
    }
}
