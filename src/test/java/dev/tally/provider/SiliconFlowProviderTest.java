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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiliconFlowProviderTest {
    private static final String PATH = "/v1/user/info";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new SiliconFlowProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> key() {
        return Map.of(KeySlot.API, ProviderHarness.CANARY);
    }

    @Test
    void docsExampleOnDefaultGlobalRegionIsAssumedUsdWithGiftAndPaidParts() throws Exception {
        server.fixture(PATH, 200, "siliconflow/user-info.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals(1, s.balances().size());
        CurrencyBalance b = s.balances().getFirst();
        assertEquals("USD", b.currency());
        assertTrue(b.currencyAssumed());
        assertEquals("88.88", b.total().toPlainString());
        assertEquals("0.88", b.granted().toPlainString());
        assertEquals("88.00", b.paid().toPlainString());
        assertNull(s.available());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
    }

    @Test
    void globalRegionChangesOnlyTheCurrency() throws Exception {
        server.fixture(PATH, 200, "siliconflow/user-info.json");
        CurrencyBalance china = harness.fetch(Region.CHINA, null, key()).balances().getFirst();
        CurrencyBalance global = harness.fetch(Region.GLOBAL, null, key()).balances().getFirst();
        assertEquals("CNY", china.currency());
        assertEquals("USD", global.currency());
        assertTrue(global.currencyAssumed());
        assertEquals(china.total(), global.total());
        assertEquals(china.granted(), global.granted());
        assertEquals(china.paid(), global.paid());
    }

    @Test
    void globalIsTheDefaultSinceTheChinaEndpointWasRetiredAndChinaIsStillSelectable() {
        assertEquals(Region.GLOBAL, SiliconFlowProvider.INFO.defaultRegion().id());
        assertEquals("https://api.siliconflow.com", SiliconFlowProvider.INFO.defaultRegion().origin().toString());
        assertEquals("https://api.siliconflow.cn",
                SiliconFlowProvider.INFO.region(Region.CHINA).orElseThrow().origin().toString());
        assertEquals(List.of(Region.GLOBAL, Region.CHINA), SiliconFlowProvider.INFO.selectableRegions());
        assertEquals(List.of("USD"), SiliconFlowProvider.INFO.balanceCurrencies(null));
    }

    @ParameterizedTest
    @ValueSource(ints = {410, 404})
    void theChinaSitesRetiredEndpointSaysSoWithTheDateAndWhereToLookNotBadKey(int status) {
        server.json(PATH, status, "{\"code\":" + status + ",\"message\":\"Gone\",\"data\":null}");
        FetchError e = harness.fail(Region.CHINA, null, key());
        assertEquals(AccountStatus.UNSUPPORTED, e.status(), e.toString());
        assertTrue(e.message().contains("SiliconFlow retired the balance API of its China site"), e.message());
        assertTrue(e.message().contains("2026-08-14"), e.message());
        assertTrue(e.message().contains("the console at cloud.siliconflow.cn shows the balance"), e.message());
        assertEquals(dev.tally.core.Remedy.NONE, e.remedy());
        // what the command line prints: the whole sentence, no "key rejected", no "provider error"
        String line = dev.tally.status.CommandLineText.describe(e);
        assertFalse(line.contains("key rejected") || line.contains("provider error"), line);
        assertTrue(line.startsWith("SiliconFlow retired"), line);
    }

    @Test
    void anExistingChinaAccountWorksOnTheInternationalHostOnceSwitched() throws Exception {
        server.json(PATH, 410, "{\"code\":410,\"message\":\"Gone\",\"data\":null}");
        assertEquals(AccountStatus.UNSUPPORTED, harness.fail(Region.CHINA, null, key()).status());
        server.fixture(PATH, 200, "siliconflow/user-info.json");
        CurrencyBalance b = harness.fetch(Region.GLOBAL, null, key()).balances().getFirst();
        assertEquals("USD", b.currency());
        assertEquals("88.88", b.total().toPlainString());
    }

    @Test
    void aKeyRejectedByTheInternationalHostNamesTheChinaSiteAndTheRegion() {
        server.fixture(PATH, 401, "siliconflow/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("not of the China site"), e.message());
        assertInstanceOf(dev.tally.core.Remedy.CheckRegion.class, e.remedy());
        // on the China host a 401 stays a plain rejected key
        FetchError china = harness.fail(Region.CHINA, null, key());
        assertEquals(AccountStatus.AUTH_FAILED, china.status());
        assertFalse(china.message().contains("China site"), china.message());
    }

    @Test
    void sendsBearerKeyToDocumentedPath() throws Exception {
        server.fixture(PATH, 200, "siliconflow/user-info.json");
        harness.fetch();
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void moneyAsNumbersKeepsItsScale() throws Exception {
        server.fixture(PATH, 200, "siliconflow/user-info-numbers.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("88.88", b.total().toPlainString());
        assertEquals("88.00", b.paid().toPlainString());
        assertEquals("0.88", b.granted().toPlainString());
    }

    @Test
    void negativeBalanceIsReportedAsIs() throws Exception {
        server.fixture(PATH, 200, "siliconflow/user-info-negative.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("-1.25", b.total().toPlainString());
        assertEquals("-1.25", b.paid().toPlainString());
    }

    @Test
    void nullPartsAreUnknownAndStatusMayBeAbsent() throws Exception {
        server.fixture(PATH, 200, "siliconflow/user-info-nulls.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("14.00", b.total().toPlainString());
        assertNull(b.granted());
        assertNull(b.paid());
    }

    @Test
    void missingTotalIsBadResponseNamingTheField() {
        server.fixture(PATH, 200, "siliconflow/user-info-missing-total.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("totalBalance"), e.message());
    }

    @Test
    void unparseableAmountIsBadResponse() {
        server.json(PATH, 200, "{\"code\":20000,\"status\":true,\"data\":{\"totalBalance\":\"--\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("totalBalance"), e.message());
    }

    @Test
    void nullDataIsBadResponseNotZero() {
        server.json(PATH, 200, "{\"code\":20000,\"message\":\"OK\",\"status\":true,\"data\":null}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("data"), e.message());
    }

    @Test
    void errorCodeInsideHttp200IsBadResponseWithProviderWords() {
        server.fixture(PATH, 200, "siliconflow/user-info-error-envelope.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("code 20012"), e.message());
        assertTrue(e.message().contains("Invalid parameter"), e.message());
    }

    @Test
    void statusFalseWithSuccessCodeIsStillAnError() {
        server.fixture(PATH, 200, "siliconflow/user-info-status-false.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("account suspended"), e.message());
    }

    @Test
    void missingCodeIsBadResponse() {
        server.json(PATH, 200, "{\"data\":{\"totalBalance\":\"1.00\"}}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("code missing"), e.message());
    }

    @Test
    void envelopeMessageNeverEchoesTheKey() {
        server.json(PATH, 200, "{\"code\":20015,\"message\":\"token " + ProviderHarness.CANARY + " invalid\",\"data\":null}");
        assertEquals(AccountStatus.BAD_RESPONSE, harness.fail().status());
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        server.fixture(PATH, 401, "siliconflow/error-401.json");
        FetchError e = harness.fail();
        assertInstanceOf(FetchError.AuthFailed.class, e);
        assertTrue(e.message().contains("Invalid token"), e.message());
    }

    @Test
    void forbiddenIsForbidden() {
        server.json(PATH, 403, "{\"code\":30001,\"message\":\"real-name verification required\",\"data\":null}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("real-name verification required"), e.message());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410})
    void retiredEndpointIsProviderErrorNotABadKey(int status) {
        server.json(PATH, status, "{\"code\":" + status + ",\"message\":\"Gone\",\"data\":null}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.PROVIDER_ERROR, e.status());
        assertTrue(e.message().contains("endpoint unavailable"), e.message());
        assertTrue(e.message().contains("HTTP " + status), e.message());
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("SILICONFLOW_API_KEY"), Remedies.commandLine(e));
    }

    @Test
    void catalogListsSiliconFlowAsSupported() {
        ProviderInfo info = ProviderCatalog.standard().find("siliconflow").orElseThrow();
        assertTrue(info.supported());
        assertTrue(ProviderCatalog.standard().provider(info.id()).orElseThrow() instanceof SiliconFlowProvider);
    }
}
