package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.status.Remedies;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestyProviderTest {
    private static final String PATH = "/v1/manage/apikey/self";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new RequestyProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private KeyLimit key(String fixture) throws Exception {
        server.fixture(PATH, 200, "requesty/" + fixture);
        BalanceSnapshot s = harness.fetch();
        assertTrue(s.balances().isEmpty(), "a key's month is not an account balance");
        assertNull(s.spend());
        return s.keyLimit();
    }

    private FetchError fail(String fixture, int status) {
        server.fixture(PATH, status, "requesty/" + fixture);
        return harness.fail();
    }

    @Test
    void docsExampleIsTheKeysMonthlyLimitWithWhatIsLeft() throws Exception {
        KeyLimit k = key("apikey.json");
        assertEquals("USD", k.currency());
        assertEquals("50", k.limit().toPlainString());
        assertEquals("37.7", k.remaining().toPlainString(), "limit minus the month's spend");
        assertEquals("12.3", k.usage().toPlainString());
        assertEquals("monthly", k.reset());
        assertEquals("Bearer " + ProviderHarness.CANARY, server.lastRequest().header("Authorization"));
        assertEquals(PATH, server.lastRequest().pathAndQuery());
    }

    @Test
    void limitZeroMeansNoLimitNotNothingLeft() throws Exception {
        KeyLimit k = key("apikey-unlimited.json");
        assertTrue(k.unlimited());
        assertNull(k.remaining());
        assertEquals("7.125", k.usage().toPlainString(), "the month's spend is still shown");
    }

    @Test
    void decimalStringsAreExact() throws Exception {
        KeyLimit k = key("apikey-strings.json");
        assertEquals("0.01", k.remaining().toPlainString());
    }

    @Test
    void overspentKeyShowsANegativeRemainder() throws Exception {
        KeyLimit k = key("apikey-over.json");
        assertEquals("-0.4", k.remaining().toPlainString());
    }

    @Test
    void missingSpendIsBadResponseNamingTheField() {
        FetchError e = fail("apikey-missing-spend.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'monthly_spend' is missing"), e.message());
    }

    @Test
    void missingLimitIsBadResponseNotUnlimited() {
        FetchError e = fail("apikey-missing-limit.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'monthly_limit' is missing"), e.message());
    }

    @Test
    void wrongTypesAreBadResponse() {
        FetchError e = fail("apikey-wrong-types.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'monthly_spend' is not a number"), e.message());
    }

    @Test
    void negativeLimitIsNotGuessedToBeUnlimited() {
        server.json(PATH, 200, "{\"monthly_spend\":1,\"monthly_limit\":-1}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("negative"), e.message());
    }

    @Test
    void errorEnvelopeWithHttp200IsBadResponseQuotingIt() {
        FetchError e = fail("error-envelope.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("api key is disabled"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        FetchError e = fail("error-401.json", 401);
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("invalid api key"), e.message());
    }

    @Test
    void refusedKeyIsForbidden() {
        FetchError e = fail("error-403.json", 403);
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("itself"), e.message());
    }

    @Test
    void missingKeyNamesTheVariableAndSendsNothing() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("REQUESTY_API_KEY"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void catalogListsRequestyAsAKeyLimitInUsd() {
        ProviderInfo info = ProviderCatalog.standard().find("requesty").orElseThrow();
        assertTrue(info.reportsBalance(), "a cap minus spend is what is left: alerts can fire");
        assertEquals(java.util.List.of("USD"), info.balanceCurrencies(null));
        assertEquals("https://api-v2.requesty.ai", info.defaultRegion().origin().toString());
    }
}
