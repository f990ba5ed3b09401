package dev.tally.provider;

import dev.tally.status.Remedies;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.ProviderId;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class XaiProviderTest {
    private static final String TEAM = "team-4f2a";
    private static final String PATH = "/v1/billing/teams/" + TEAM + "/prepaid/balance";
    private static final Map<String, String> KEYS = Map.of(KeySlot.MANAGEMENT, ProviderHarness.CANARY);

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new XaiProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private CurrencyBalance fetchOnly() throws Exception {
        BalanceSnapshot s = harness.fetch(null, TEAM, KEYS);
        assertEquals(1, s.balances().size());
        return s.balances().getFirst();
    }

    private FetchError fail() {
        return harness.fail(null, TEAM, KEYS);
    }

    @Test
    void docsExampleNegativeLedgerCentsShowAsTenDollarsLeft() throws Exception {
        server.fixture(PATH, 200, "xai/balance.json");
        BalanceSnapshot s = harness.fetch(null, TEAM, KEYS);
        CurrencyBalance usd = s.balances().getFirst();
        assertEquals("USD", usd.currency());
        assertEquals("10.00", usd.total().toPlainString());
        assertFalse(usd.currencyAssumed(), "the API documents the value as USD cents");
        assertNull(usd.granted());
        assertNull(usd.paid());
        assertNull(s.available());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
    }

    @Test
    void theBalanceSaysItIsThePostedLedgerWhereverItIsShown() throws Exception {
        server.fixture(PATH, 200, "xai/balance.json");
        BalanceSnapshot s = harness.fetch(null, TEAM, KEYS);
        assertEquals(java.util.List.of(new dev.tally.core.Caveat.PostedLedger()), s.caveats());
        String line = dev.tally.status.CommandLineText.describe(s);
        assertTrue(line.startsWith("10.00 USD — Posted ledger: can be higher than the console's figure by this billing"
                + " cycle's spend that is not posted yet"), line);
    }

    @Test
    void sendsManagementKeyAsBearerToTheTeamsPrepaidBalance() throws Exception {
        server.fixture(PATH, 200, "xai/balance.json");
        harness.fetch(null, TEAM, KEYS);
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void teamIdIsPercentEncodedAsOnePathSegment() throws Exception {
        server.fixture("/v1/billing/teams/team 1/ä/prepaid/balance", 200, "xai/balance.json");
        harness.fetch(null, " team 1/ä ", KEYS);
        assertEquals("/v1/billing/teams/team%201%2F%C3%A4/prepaid/balance", server.lastRequest().pathAndQuery());
    }

    @Test
    void ledgerWithChangesUsesTheTotal() throws Exception {
        server.fixture(PATH, 200, "xai/balance-with-changes.json");
        assertEquals("12.66", fetchOnly().total().toPlainString());
    }

    @Test
    void positiveLedgerTotalIsAnOverdraftShownNegative() throws Exception {
        server.fixture(PATH, 200, "xai/balance-overdraft.json");
        CurrencyBalance usd = fetchOnly();
        assertEquals("-2.50", usd.total().toPlainString());
        assertTrue(usd.totalMoney().isNegative());
    }

    @Test
    void centsAsJsonNumberConvertTheSame() throws Exception {
        server.fixture(PATH, 200, "xai/balance-number.json");
        assertEquals("10.00", fetchOnly().total().toPlainString());
    }

    @Test
    void zeroLedgerIsZeroDollars() throws Exception {
        server.fixture(PATH, 200, "xai/balance-zero.json");
        assertEquals("0.00", fetchOnly().total().toPlainString());
    }

    @Test
    void oddCentsStayExact() throws Exception {
        server.json(PATH, 200, "{\"total\":{\"val\":\"-1\"}}");
        assertEquals("0.01", fetchOnly().total().toPlainString());
    }

    @Test
    void missingTotalIsBadResponseNamingTheField() {
        server.fixture(PATH, 200, "xai/balance-missing-total.json");
        FetchError e = fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'total'"), e.message());
    }

    @Test
    void nullValIsBadResponseNotZero() {
        server.fixture(PATH, 200, "xai/balance-null-val.json");
        FetchError e = fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'val'"), e.message());
    }

    @Test
    void unparseableValIsBadResponse() {
        server.fixture(PATH, 200, "xai/balance-garbage-val.json");
        FetchError e = fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("ten dollars"), e.message());
    }

    @Test
    void missingTeamIdIsNoKeyAndSendsNothing() {
        FetchError e = harness.fail(null, null, KEYS);
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(e.message().contains("team id"), e.message());
        assertTrue(Remedies.commandLine(e).contains("XAI_TEAM_ID"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void blankTeamIdIsNoKey() {
        FetchError e = harness.fail(null, "   ", KEYS);
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("XAI_TEAM_ID"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void missingManagementKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, TEAM, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("XAI_MANAGEMENT_KEY"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void rejectedKeyIsAuthFailedAndSaysAManagementKeyIsNeeded() {
        server.fixture(PATH, 401, "xai/error-401.json");
        FetchError e = fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("has been revoked"), e.message());
        assertTrue(e.message().contains("management key"), e.message());
    }

    @Test
    void keyWithoutBillingAccessIsForbidden() {
        server.fixture(PATH, 403, "xai/error-403.json");
        FetchError e = fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("does not have permission"), e.message());
    }

    @Test
    void notFoundSaysTheTeamMayHaveNoPrepaidBalance() {
        server.json(PATH, 404, "{\"code\":\"NOT_FOUND\",\"error\":\"not found\"}");
        FetchError e = fail();
        assertEquals(AccountStatus.PROVIDER_ERROR, e.status());
        assertTrue(e.message().contains("postpaid"), e.message());
    }

    @Test
    void standardCatalogListsXaiWithTeamIdVariable() {
        ProviderCatalog catalog = ProviderCatalog.standard();
        assertTrue(catalog.provider(ProviderId.of("xai")).orElseThrow() instanceof XaiProvider);
        ProviderInfo info = catalog.find("xai").orElseThrow();
        assertTrue(info.hasRequiredFields());
        assertEquals("XAI_TEAM_ID", info.field("team_id").orElseThrow().envVar());
        assertEquals("https://management-api.x.ai", info.defaultRegion().origin().toString());
    }
}
