package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeepSeekProviderTest {
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new DeepSeekProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void docsExampleGivesExactCnyBalanceWithBreakdown() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals(1, s.balances().size());
        CurrencyBalance cny = s.balances().getFirst();
        assertEquals("CNY", cny.currency());
        assertEquals(new BigDecimal("110.00"), cny.total());
        assertEquals("110.00", cny.total().toPlainString());
        assertEquals("10.00", cny.granted().toPlainString());
        assertEquals("100.00", cny.paid().toPlainString());
        assertFalse(cny.currencyAssumed());
        assertTrue(s.available());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
    }

    @Test
    void sendsBearerKeyToDocumentedPath() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        harness.fetch();
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals("/user/balance", r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
        assertEquals("Tally/test", r.header("User-Agent"));
    }

    @Test
    void moneyAsJsonNumbersKeepsItsScale() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance-numbers.json");
        CurrencyBalance cny = harness.fetch().balances().getFirst();
        assertEquals("110.00", cny.total().toPlainString());
        assertEquals("10.00", cny.granted().toPlainString());
    }

    @Test
    void twoCurrenciesStayApartInStableOrder() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance-two-currencies.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals(2, s.balances().size());
        assertEquals("CNY", s.balances().get(0).currency());
        assertEquals("0.01", s.balances().get(0).total().toPlainString());
        assertEquals("USD", s.balances().get(1).currency());
        assertEquals("5.30", s.balances().get(1).total().toPlainString());
    }

    @Test
    void unavailableAccountWithNegativeBalanceIsReportedAsIs() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance-unavailable.json");
        BalanceSnapshot s = harness.fetch();
        assertFalse(s.available());
        assertEquals("-0.42", s.balances().getFirst().total().toPlainString());
    }

    @Test
    void missingTotalIsBadResponseNotZero() {
        server.fixture("/user/balance", 200, "deepseek/balance-missing-total.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("total_balance"), e.message());
    }

    @Test
    void missingCurrencyIsBadResponse() {
        server.fixture("/user/balance", 200, "deepseek/balance-no-currency.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("currency"), e.message());
    }

    @Test
    void unparseableAmountIsBadResponse() {
        server.fixture("/user/balance", 200, "deepseek/balance-garbage-amount.json");
        FetchError e = harness.fail();
        assertInstanceOf(FetchError.BadResponse.class, e);
        assertTrue(e.message().contains("N/A"), e.message());
    }

    @Test
    void emptyBalanceListIsBadResponse() {
        server.json("/user/balance", 200, "{\"is_available\":true,\"balance_infos\":[]}");
        assertEquals(AccountStatus.BAD_RESPONSE, harness.fail().status());
    }

    @Test
    void rejectedKeyIsAuthFailedWithProviderWordsButNoKey() {
        server.fixture("/user/balance", 401, "deepseek/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("Authentication Fails"), e.message());
    }

    @Test
    void availabilityMayBeAbsent() throws Exception {
        server.json("/user/balance", 200, "{\"balance_infos\":[{\"currency\":\"USD\",\"total_balance\":\"1.5\"}]}");
        BalanceSnapshot s = harness.fetch();
        assertNull(s.available());
        assertNull(s.balances().getFirst().granted());
    }
}
