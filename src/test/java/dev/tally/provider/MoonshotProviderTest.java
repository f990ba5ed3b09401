package dev.tally.provider;

import dev.tally.status.Remedies;
import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MoonshotProviderTest {
    private static final String PATH = "/v1/users/me/balance";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new MoonshotProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> key() {
        return Map.of(KeySlot.API, ProviderHarness.CANARY);
    }

    @Test
    void docsExampleOnDefaultGlobalRegionIsAssumedUsdWithExactBreakdown() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals(1, s.balances().size());
        CurrencyBalance b = s.balances().getFirst();
        assertEquals("USD", b.currency());
        assertTrue(b.currencyAssumed());
        assertEquals("49.58894", b.total().toPlainString());
        assertEquals("46.58893", b.granted().toPlainString());
        assertEquals("3.00001", b.paid().toPlainString());
        assertTrue(s.available());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
        assertNull(s.keyLimit());
    }

    @Test
    void chinaRegionChangesOnlyTheCurrency() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance.json");
        CurrencyBalance global = harness.fetch(Region.GLOBAL, null, key()).balances().getFirst();
        CurrencyBalance china = harness.fetch(Region.CHINA, null, key()).balances().getFirst();
        assertEquals("USD", global.currency());
        assertEquals("CNY", china.currency());
        assertTrue(china.currencyAssumed());
        assertEquals(global.total(), china.total());
        assertEquals(global.granted(), china.granted());
        assertEquals(global.paid(), china.paid());
    }

    @Test
    void globalIsTheDefaultAndChinaIsSelectable() {
        assertEquals(Region.GLOBAL, MoonshotProvider.INFO.defaultRegion().id());
        assertEquals("https://api.moonshot.ai", MoonshotProvider.INFO.defaultRegion().origin().toString());
        assertEquals("https://api.moonshot.cn", MoonshotProvider.INFO.region(Region.CHINA).orElseThrow().origin().toString());
        assertEquals(List.of(Region.GLOBAL, Region.CHINA), MoonshotProvider.INFO.selectableRegions());
    }

    @Test
    void unknownRegionIsExplained() {
        server.fixture(PATH, 200, "moonshot/balance.json");
        FetchError e = harness.fail("mars", null, key());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("global") && e.message().contains("china"), e.message());
    }

    @Test
    void sendsBearerKeyToDocumentedPath() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance.json");
        harness.fetch();
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
        assertEquals(1, server.requests().size());
    }

    @Test
    void moneyAsStringsIsReadExactly() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance-strings.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("49.58894", b.total().toPlainString());
        assertEquals("3.00001", b.paid().toPlainString());
    }

    @Test
    void negativeCashBalanceIsNotClamped() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance-arrears.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("-2.25", b.paid().toPlainString());
        assertEquals("5.5", b.total().toPlainString());
        assertEquals("5.5", b.granted().toPlainString());
    }

    @Test
    void zeroAvailableBalanceMeansCallsAreRefused() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance-exhausted.json");
        BalanceSnapshot s = harness.fetch();
        assertFalse(s.available());
        assertEquals("0", s.balances().getFirst().total().toPlainString());
        assertEquals("-0.01", s.balances().getFirst().paid().toPlainString());
    }

    @Test
    void nullPartsAreUnknownNotZero() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance-null-parts.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("12.34", b.total().toPlainString());
        assertNull(b.granted());
        assertNull(b.paid());
    }

    @Test
    void missingAvailableBalanceIsBadResponseNamingTheField() {
        server.fixture(PATH, 200, "moonshot/balance-missing-available.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("available_balance"), e.message());
    }

    @Test
    void errorEnvelopeInsideHttp200IsBadResponseNamingCodeAndScode() {
        server.fixture(PATH, 200, "moonshot/balance-error-envelope.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("code 5"), e.message());
        assertTrue(e.message().contains("scode '0x5'"), e.message());
        assertTrue(e.message().contains("user not found"), e.message());
    }

    @Test
    void codeZeroWithWellFormedDataAndNoStatusOrScodeIsSuccess() throws Exception {
        server.fixture(PATH, 200, "moonshot/balance-code-only.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("49.58894", b.total().toPlainString());
        assertEquals("46.58893", b.granted().toPlainString());
        assertEquals("3.00001", b.paid().toPlainString());
    }

    @Test
    void codeZeroWithoutStatusStillNeedsItsFields() {
        server.fixture(PATH, 200, "moonshot/balance-code-only-missing-available.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("available_balance"), e.message());
        server.fixture(PATH, 200, "moonshot/balance-code-only-data-not-object.json");
        e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'data' is not an object"), e.message());
    }

    @Test
    void statusFalseWithCodeZeroIsStillAnError() {
        server.json(PATH, 200, "{\"code\":0,\"data\":{\"available_balance\":1.0},\"scode\":\"0x0\",\"status\":false}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("status false"), e.message());
    }

    @Test
    void missingEnvelopeIsBadResponse() {
        server.json(PATH, 200, "{\"data\":{\"available_balance\":1.0}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("code missing"), e.message());
    }

    @Test
    void envelopeMessageNeverEchoesTheKey() {
        server.json(PATH, 200, "{\"code\":1,\"scode\":\"0x1\",\"status\":false,\"message\":\"bad key "
                + ProviderHarness.CANARY + "\"}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("bad key"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailedAndSuggestsCheckingTheRegion() {
        server.fixture(PATH, 401, "moonshot/error-401.json");
        FetchError e = harness.fail(Region.CHINA, null, key());
        assertInstanceOf(FetchError.AuthFailed.class, e);
        assertTrue(e.message().contains("Invalid Authentication"), e.message());
        assertTrue(e.message().contains("HTTP 401"), e.message());
        assertTrue(e.message().contains("bound to a region"), e.message());
        assertTrue(Remedies.commandLine(e).contains("--region"), Remedies.commandLine(e));
        assertTrue(e.message().contains("'china'"), e.message());
    }

    @Test
    void serverErrorIsProviderErrorWithoutRegionHint() {
        server.json(PATH, 500, "{\"error\":{\"message\":\"internal\",\"type\":\"server_error\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.PROVIDER_ERROR, e.status());
        assertFalse(e.message().contains("--region"), e.message());
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("MOONSHOT_API_KEY"), Remedies.commandLine(e));
    }

    @Test
    void catalogKnowsMoonshotAlsoAsKimi() {
        ProviderCatalog catalog = ProviderCatalog.standard();
        assertEquals("moonshot", catalog.find("kimi").orElseThrow().id().value());
        assertTrue(catalog.find("Moonshot").orElseThrow().supported());
        assertTrue(catalog.provider(MoonshotProvider.INFO.id()).orElseThrow() instanceof MoonshotProvider);
    }
}
