package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.status.Remedies;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CloudflareProviderTest {
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String PATH = "/client/v4/accounts/" + ACCOUNT + "/ai-gateway/billing/credit-balance";
    private static final Map<String, String> KEYS = Map.of(KeySlot.API, ProviderHarness.CANARY);
    private static final Map<String, String> FIELDS = Map.of("account_id", ACCOUNT);

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new CloudflareProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private CurrencyBalance balance(String fixture) throws Exception {
        server.fixture(PATH, 200, "cloudflare/" + fixture);
        BalanceSnapshot s = harness.fetchWith(null, FIELDS, KEYS);
        assertEquals(1, s.balances().size());
        assertNull(s.keyLimit());
        return s.balances().getFirst();
    }

    private FetchError fail(String fixture, int status) {
        server.fixture(PATH, status, "cloudflare/" + fixture);
        try {
            BalanceSnapshot s = harness.fetchWith(null, FIELDS, KEYS);
            throw new AssertionError("expected a failure, got " + s);
        } catch (dev.tally.core.FetchException e) {
            assertTrue(!e.getMessage().contains("CANARY"), e.getMessage());
            return e.error();
        }
    }

    @Test
    void docsShapeIsTheCreditBalanceInUsdMarkedAssumed() throws Exception {
        CurrencyBalance b = balance("credit-balance.json");
        assertEquals("USD", b.currency());
        assertEquals("42.57", b.total().toPlainString());
        assertTrue(b.currencyAssumed(), "the answer states no currency");
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void zeroIsAnEmptyAccountNotAnError() throws Exception {
        assertEquals(0, balance("credit-balance-zero.json").total().signum());
    }

    @Test
    void balanceAsStringIsExact() throws Exception {
        assertEquals("10.10", balance("credit-balance-string.json").total().toPlainString());
    }

    @Test
    void accountIdIsOnePercentEncodedPathSegment() throws Exception {
        server.fixture("/client/v4/accounts/a b/c/ai-gateway/billing/credit-balance", 200, "cloudflare/credit-balance.json");
        harness.fetchWith(null, Map.of("account_id", "a b/c"), KEYS);
        assertEquals("/client/v4/accounts/a%20b%2Fc/ai-gateway/billing/credit-balance", server.lastRequest().pathAndQuery());
    }

    @Test
    void successFalseWithHttp200IsBadResponseQuotingCloudflare() {
        FetchError e = fail("error-envelope.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("object identifier is invalid? (code 7003)"), e.message());
    }

    @Test
    void missingBalanceIsBadResponseNamingTheField() {
        FetchError e = fail("credit-balance-missing-balance.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'balance' is missing"), e.message());
    }

    @Test
    void nullResultIsBadResponseNotZero() {
        FetchError e = fail("credit-balance-null-result.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'result' is missing"), e.message());
    }

    @Test
    void wrongTypesAreBadResponse() {
        FetchError e = fail("credit-balance-wrong-types.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'success' is not true/false"), e.message());
        e = fail("credit-balance-wrong-balance.json", 200);
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'balance' is not a number"), e.message());
    }

    @Test
    void rejectedTokenIsAuthFailedAndSaysWhichTokenIsNeeded() {
        FetchError e = fail("error-401.json", 401);
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("AI Gateway Read"), e.message());
    }

    @Test
    void tokenWithoutThePermissionIsForbidden() {
        FetchError e = fail("error-403.json", 403);
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("AI Gateway Read on this account"), e.message());
    }

    @Test
    void missingAccountIdIsNoKeyNamingTheVariableAndSendsNothing() {
        try {
            harness.fetchWith(null, Map.of(), KEYS);
            throw new AssertionError("expected a failure");
        } catch (dev.tally.core.FetchException e) {
            assertEquals(AccountStatus.NO_KEY, e.error().status());
            assertTrue(e.getMessage().contains("account id"), e.getMessage());
            assertTrue(Remedies.commandLine(e.error()).contains("CLOUDFLARE_ACCOUNT_ID"), Remedies.commandLine(e.error()));
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void catalogDeclaresTheRequiredAccountId() {
        ProviderInfo info = ProviderCatalog.standard().find("cloudflare").orElseThrow();
        AccountField f = info.field("account_id").orElseThrow();
        assertTrue(f.required());
        assertEquals("CLOUDFLARE_ACCOUNT_ID", f.envVar());
        assertEquals("--account-id", f.option());
        assertEquals(List.of("USD"), info.balanceCurrencies(null));
    }
}
