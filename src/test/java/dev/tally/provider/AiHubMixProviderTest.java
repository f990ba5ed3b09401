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
import static org.junit.jupiter.api.Assertions.assertTrue;

class AiHubMixProviderTest {
    private static final String PATH = "/api/user/self";
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new AiHubMixProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void docsExampleQuotaIsDividedBy500000Exactly() throws Exception {
        server.fixture(PATH, 200, "aihubmix/user-self.json");
        BalanceSnapshot s = harness.fetch();
        CurrencyBalance usd = s.balances().getFirst();
        assertEquals("USD", usd.currency());
        assertTrue(usd.currencyAssumed(), "the answer states no currency; the docs define the USD rate");
        assertEquals("58.142514", usd.total().toPlainString());
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals(PATH, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void oneQuotaUnitIsTwoMillionthsOfADollarNotRoundedAway() throws Exception {
        server.fixture(PATH, 200, "aihubmix/user-self-one-unit.json");
        assertEquals(new BigDecimal("0.000002"), harness.fetch().balances().getFirst().total());
    }

    @Test
    void zeroAndNegativeQuotasAreShownAsSent() throws Exception {
        server.fixture(PATH, 200, "aihubmix/user-self-zero.json");
        assertEquals("0.00", harness.fetch().balances().getFirst().total().toPlainString());
        server.fixture(PATH, 200, "aihubmix/user-self-negative.json");
        assertEquals("-0.50", harness.fetch().balances().getFirst().total().toPlainString());
    }

    @Test
    void everyIntegerQuotaConvertsExactly() {
        for (long q : new long[]{1, 3, 7, 499_999, 500_001, 123_456_789_012L}) {
            BigDecimal usd = AiHubMixProvider.usd(BigDecimal.valueOf(q));
            assertEquals(0, usd.multiply(AiHubMixProvider.QUOTA_PER_USD).compareTo(BigDecimal.valueOf(q)), "quota " + q);
        }
    }

    @Test
    void missingQuotaIsBadResponseNamingTheFieldNotZero() {
        server.fixture(PATH, 200, "aihubmix/user-self-missing-quota.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'quota' is missing"), e.message());
    }

    @Test
    void wrongTypeIsBadResponse() {
        server.fixture(PATH, 200, "aihubmix/user-self-wrong-type.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("plenty"), e.message());
    }

    @Test
    void successFalseInsideHttp200IsBadResponseWithAiHubMixWords() {
        server.fixture(PATH, 200, "aihubmix/user-self-error-envelope.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("access token"), e.message());
    }

    @Test
    void documentedHttpErrorsBecomeTypedStatuses() {
        server.fixture(PATH, 401, "aihubmix/error-401.json");
        assertEquals(AccountStatus.AUTH_FAILED, harness.fail().status());
        server.fixture(PATH, 403, "aihubmix/error-403.json");
        assertEquals(AccountStatus.FORBIDDEN, harness.fail().status());
        server.json(PATH, 429, "{\"success\":false,\"message\":\"too many requests\"}");
        assertEquals(AccountStatus.RATE_LIMITED, harness.fail().status());
    }
}
