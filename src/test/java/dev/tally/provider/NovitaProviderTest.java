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

import java.math.BigDecimal;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NovitaProviderTest {
    private static final String PATH = "/openapi/v1/billing/balance/detail";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new NovitaProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void docsExampleIsConvertedExactlyFromTenThousandthsOfADollar() throws Exception {
        server.fixture(PATH, 200, "novita/balance.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals(1, s.balances().size());
        CurrencyBalance b = s.balances().getFirst();
        assertEquals("USD", b.currency());
        assertFalse(b.currencyAssumed());
        assertEquals(new BigDecimal("100.0000"), b.total());
        assertEquals("100.0000", b.total().toPlainString());
        assertEquals("80.0000", b.paid().toPlainString());
        assertEquals("20.0000", b.creditLimit().toPlainString(), "the documented creditLimit, part of availableBalance");
        assertNull(b.granted());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
    }

    @Test
    void olderDocsExampleWithoutPendingChargesWorksToo() throws Exception {
        server.fixture(PATH, 200, "novita/balance-old.json");
        assertEquals("100.0000", harness.fetch().balances().getFirst().total().toPlainString());
    }

    @Test
    void sendsBearerKeyAndJsonContentTypeToDocumentedPath() throws Exception {
        server.fixture(PATH, 200, "novita/balance.json");
        harness.fetch();
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
        assertEquals("application/json", r.header("Content-Type"));
    }

    @Test
    void moneyAsJsonNumbersIsConvertedToo() throws Exception {
        server.fixture(PATH, 200, "novita/balance-numbers.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("123.4567", b.total().toPlainString());
        assertEquals("0.0005", b.paid().toPlainString());
    }

    @Test
    void negativeBalancesAreReportedAsIs() throws Exception {
        server.fixture(PATH, 200, "novita/balance-negative.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("-1.2345", b.total().toPlainString());
        assertEquals("-1.2345", b.paid().toPlainString());
    }

    @Test
    void nullCashBalanceIsUnknownNotZero() throws Exception {
        server.fixture(PATH, 200, "novita/balance-null-cash.json");
        CurrencyBalance b = harness.fetch().balances().getFirst();
        assertEquals("0.0250", b.total().toPlainString());
        assertNull(b.paid());
        assertNull(b.creditLimit(), "no creditLimit in the answer: none shown");
    }

    @Test
    void missingAvailableBalanceIsBadResponseNamingTheField() {
        server.fixture(PATH, 200, "novita/balance-missing-available.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("availableBalance"), e.message());
    }

    @Test
    void nullAvailableBalanceIsBadResponseNotZero() {
        server.json(PATH, 200, "{\"availableBalance\":null,\"cashBalance\":\"800000\"}");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("availableBalance"), e.message());
    }

    @Test
    void unparseableAmountIsBadResponse() {
        server.fixture(PATH, 200, "novita/balance-garbage.json");
        FetchError e = harness.fail();
        assertInstanceOf(FetchError.BadResponse.class, e);
        assertTrue(e.message().contains("availableBalance"), e.message());
    }

    @Test
    void errorBodyInsideHttp200IsBadResponseWithProviderWords() {
        server.fixture(PATH, 200, "novita/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("UNAUTHORIZED"), e.message());
        assertTrue(e.message().contains("Invalid API key provided"), e.message());
    }

    @Test
    void errorBodyNeverEchoesTheKey() {
        server.json(PATH, 200, "{\"code\":401,\"reason\":\"UNAUTHORIZED\",\"message\":\"key "
                + ProviderHarness.CANARY + " was deleted\"}");
        assertEquals(AccountStatus.BAD_RESPONSE, harness.fail().status());
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        server.fixture(PATH, 401, "novita/error-401.json");
        FetchError e = harness.fail();
        assertInstanceOf(FetchError.AuthFailed.class, e);
        assertTrue(e.message().contains("Invalid API key provided"), e.message());
    }

    @Test
    void insufficientPermissionIsForbidden() {
        server.fixture(PATH, 403, "novita/error-403.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.FORBIDDEN, e.status());
        assertTrue(e.message().contains("identity verification required"), e.message());
    }

    @Test
    void missingKeyNamesTheEnvironmentVariable() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(Remedies.commandLine(e).contains("NOVITA_API_KEY"), Remedies.commandLine(e));
    }

    @Test
    void catalogListsNovitaAsSupported() {
        ProviderInfo info = ProviderCatalog.standard().find("novita").orElseThrow();
        assertEquals("Novita AI", info.displayName());
        assertEquals("https://api.novita.ai", info.defaultRegion().origin().toString());
        assertTrue(ProviderCatalog.standard().provider(info.id()).orElseThrow() instanceof NovitaProvider);
    }
}
