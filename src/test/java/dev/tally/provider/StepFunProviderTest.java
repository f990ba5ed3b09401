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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StepFunProviderTest {
    private static final String PATH = "/v1/accounts";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new StepFunProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private CurrencyBalance only(BalanceSnapshot s) {
        assertEquals(1, s.balances().size());
        return s.balances().getFirst();
    }

    @Test
    void docsExampleShowsZeroBalanceInAssumedCnyWithoutLifetimeTotals() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts.json");
        BalanceSnapshot s = harness.fetch();
        CurrencyBalance b = only(s);
        assertEquals("CNY", b.currency());
        assertTrue(b.currencyAssumed());
        assertEquals("0.00", b.total().toPlainString());
        assertNull(b.granted(), "total_voucher_balance is a lifetime total, not a remaining part");
        assertNull(b.paid(), "total_cash_balance is a lifetime total, not a remaining part");
        assertNull(s.available());
        assertNull(s.spend());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
    }

    @Test
    void sendsBearerKeyToDocumentedPath() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts.json");
        harness.fetch();
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void balanceAsJsonNumberKeepsItsScale() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts-funded.json");
        CurrencyBalance b = only(harness.fetch());
        assertEquals("123.45", b.total().toPlainString());
        assertNull(b.granted());
        assertNull(b.paid());
    }

    @Test
    void balanceAsStringIsExact() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts-string.json");
        assertEquals("88.50", only(harness.fetch()).total().toPlainString());
    }

    @Test
    void negativePostpaidBalanceIsShownAsIs() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts-negative.json");
        assertEquals("-3.20", only(harness.fetch()).total().toPlainString());
    }

    @Test
    void nullLifetimeTotalsAndMissingObjectAreFine() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts-nulls.json");
        assertEquals("7.5", only(harness.fetch()).total().toPlainString());
    }

    @Test
    void globalRegionReportsAssumedUsd() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts-funded.json");
        CurrencyBalance b = only(harness.fetch(Region.GLOBAL, null, Map.of(KeySlot.API, ProviderHarness.CANARY)));
        assertEquals("USD", b.currency());
        assertTrue(b.currencyAssumed());
        assertEquals("123.45", b.total().toPlainString());
    }

    @Test
    void chinaRegionIsTheDefaultAndReportsAssumedCny() throws Exception {
        server.fixture(PATH, 200, "stepfun/accounts-funded.json");
        CurrencyBalance b = only(harness.fetch(Region.CHINA, null, Map.of(KeySlot.API, ProviderHarness.CANARY)));
        assertEquals("CNY", b.currency());
        assertTrue(b.currencyAssumed());
        assertEquals(Region.CHINA, StepFunProvider.INFO.defaultRegion().id());
        assertEquals("https://api.stepfun.com", StepFunProvider.INFO.defaultRegion().origin().toString());
        assertEquals("https://api.stepfun.ai",
                StepFunProvider.INFO.region(Region.GLOBAL).orElseThrow().origin().toString());
        assertEquals(List.of(Region.CHINA, Region.GLOBAL), StepFunProvider.INFO.selectableRegions());
    }

    @Test
    void unknownRegionFailsBeforeTheKeyIsSent() {
        server.fixture(PATH, 200, "stepfun/accounts.json");
        FetchError e = harness.fail("europe", null, Map.of(KeySlot.API, ProviderHarness.CANARY));
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("europe"), e.message());
        assertTrue(server.requests().isEmpty(), "no request may leave for an unknown region");
    }

    @Test
    void missingBalanceIsBadResponseNamingTheField() {
        server.fixture(PATH, 200, "stepfun/accounts-missing-balance.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'balance'"), e.message());
    }

    @Test
    void nullBalanceIsBadResponseNotZero() {
        server.fixture(PATH, 200, "stepfun/accounts-null-balance.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'balance'"), e.message());
    }

    @Test
    void unparseableBalanceIsBadResponse() {
        server.json(PATH, 200, "{\"object\":\"account\",\"balance\":\"about 5\"}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("about 5"), e.message());
    }

    @Test
    void answerThatIsNotAnAccountIsBadResponse() {
        server.fixture(PATH, 200, "stepfun/accounts-wrong-object.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'list'"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailedAndSuggestsCheckingTheRegion() {
        server.fixture(PATH, 401, "stepfun/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("Incorrect API key provided"), e.message());
        assertTrue(e.message().contains("region"), e.message());
    }

    @Test
    void forbiddenKeyIsForbidden() {
        server.json(PATH, 403, "{\"error\":{\"message\":\"permission denied\",\"type\":\"permission_error\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("permission denied"), e.message());
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("STEPFUN_API_KEY"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void standardCatalogListsStepFunAsSupported() {
        ProviderCatalog catalog = ProviderCatalog.standard();
        assertTrue(catalog.provider(ProviderId.of("stepfun")).orElseThrow() instanceof StepFunProvider);
        assertEquals("StepFun", catalog.find("StepFun").orElseThrow().displayName());
    }
}
