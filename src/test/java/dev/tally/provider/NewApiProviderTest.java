package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.FetchError;
import dev.tally.core.FetchException;
import dev.tally.core.KeyLimit;
import dev.tally.core.Secret;
import dev.tally.status.Remedies;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NewApiProviderTest {
    private static final String SUB = "/v1/dashboard/billing/subscription";
    private static final String USAGE = "/v1/dashboard/billing/usage";
    private static final String CANARY = ProviderHarness.CANARY;

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new NewApiProvider(), server);
    private final HttpFetch http = new HttpFetch("test", HttpFetch.CONNECT_TIMEOUT, Duration.ofSeconds(3),
            HttpFetch.MAX_BODY_BYTES, Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private void serve(String subscription, String usage) {
        server.fixture(SUB, 200, "newapi/" + subscription);
        server.fixture(USAGE, 200, "newapi/" + usage);
    }

    /** Without a base URL: only the account's fields say where the relay is. */
    private BalanceSnapshot fetchByFields(Map<String, String> fields) throws FetchException {
        FetchContext ctx = new FetchContext(NewApiProvider.INFO, new ProviderTarget("relay", null, null, fields),
                Credentials.of(KeySlot.API, Secret.of(CANARY)), http, Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC));
        return new NewApiProvider().fetch(ctx);
    }

    private FetchError failByFields(Map<String, String> fields) {
        try {
            throw new AssertionError("expected a failure, got " + fetchByFields(fields));
        } catch (FetchException e) {
            assertFalse(e.getMessage().contains("CANARY"), e.getMessage());
            return e.error();
        }
    }

    @Test
    void hardLimitMinusUsageInCentsIsWhatIsLeft() throws Exception {
        serve("subscription-current.json", "usage.json");
        BalanceSnapshot s = harness.fetch();
        KeyLimit k = s.keyLimit();
        assertEquals("USD", k.currency());
        assertEquals("25.5", k.limit().toPlainString());
        assertEquals("25.000", k.usage().toPlainString(), "2500.0 cents are 25 dollars, scale kept");
        assertEquals("0.500", k.remaining().toPlainString());
        assertNull(k.reset());
        assertTrue(s.balances().isEmpty());
        assertNull(s.available(), "access_until 0 means the key never expires");
        for (FakeProviderServer.Recorded r : server.requests()) {
            assertEquals("Bearer " + CANARY, r.header("Authorization"));
            assertNull(r.header("New-Api-User"));
        }
        assertEquals(List.of(SUB, USAGE), server.requests().stream().map(FakeProviderServer.Recorded::pathAndQuery).toList());
    }

    @Test
    void halfCentsStayExact() throws Exception {
        serve("subscription-current.json", "usage-odd-cents.json");
        KeyLimit k = harness.fetch().keyLimit();
        assertEquals("12.345", k.usage().toPlainString());
        assertEquals("13.155", k.remaining().toPlainString());
    }

    @Test
    void docsExampleWithAPastAccessUntilIsAnExpiredKey() throws Exception {
        serve("subscription.json", "usage.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals("75.000", s.keyLimit().remaining().toPlainString());
        assertEquals(Boolean.FALSE, s.available(), "access_until 2022-01-01 is before now");
    }

    @Test
    void oneApisHundredMillionPlaceholderIsNoLimitNotAFortune() throws Exception {
        serve("subscription-unlimited.json", "usage-zero.json");
        KeyLimit k = harness.fetch().keyLimit();
        assertTrue(k.unlimited());
        assertNull(k.remaining());
        assertEquals(0, k.usage().signum());
    }

    @Test
    void relaysThatSendOnlyTheHardLimitAreFine() throws Exception {
        serve("subscription-minimal.json", "usage.json");
        assertEquals("-15.000", harness.fetch().keyLimit().remaining().toPlainString(), "overspent is shown as is");
    }

    @Test
    void missingHardLimitIsBadResponseNamingTheField() {
        serve("subscription-missing-hard-limit.json", "usage.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'hard_limit_usd' is missing"), e.message());
    }

    @Test
    void missingUsageIsBadResponseNotZero() {
        serve("subscription-current.json", "usage-missing-total.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("relay usage: field 'total_usage' is missing"), e.message());
    }

    @Test
    void wrongTypesAreBadResponse() {
        serve("subscription-wrong-types.json", "usage.json");
        assertTrue(harness.fail().message().contains("'hard_limit_usd' is not a number"));
        serve("subscription-current.json", "usage-wrong-types.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'total_usage' is not a number"), e.message());
    }

    @Test
    void errorEnvelopesWithHttp200AreBadResponsesQuotingTheRelay() {
        serve("error-envelope.json", "usage.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("获取配额失败"), e.message());
        serve("subscription-current.json", "error-usage-envelope.json");
        assertTrue(harness.fail().message().contains("relay usage: the relay answered with an error instead of figures:"
                + " Failed to retrieve usage"));
        serve("error-success-false.json", "usage.json");
        assertTrue(harness.fail().message().contains("token not found"));
    }

    @Test
    void rejectedKeyIsAuthFailed() {
        server.fixture(SUB, 401, "newapi/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("无效的令牌"), e.message());
    }

    @Test
    void theRelayUrlFieldSaysWhereToAskAndAV1SuffixIsFollowed() throws Exception {
        serve("subscription-current.json", "usage.json");
        fetchByFields(Map.of("relay_url", server.baseUrl() + "/v1/"));
        assertEquals(List.of(SUB, USAGE), server.requests().stream().map(FakeProviderServer.Recorded::path).toList());
    }

    @Test
    void aRelayUrlWithAPathKeepsIt() throws Exception {
        server.fixture("/relay/v1/dashboard/billing/subscription", 200, "newapi/subscription-current.json");
        server.fixture("/relay/v1/dashboard/billing/usage", 200, "newapi/usage.json");
        fetchByFields(Map.of("relay_url", server.baseUrl() + "/relay"));
        assertEquals("/relay/v1/dashboard/billing/usage", server.lastRequest().path());
    }

    @Test
    void theUserIdGoesInTheNewApiUserHeader() throws Exception {
        serve("subscription-current.json", "usage.json");
        fetchByFields(Map.of("relay_url", server.baseUrl().toString(), "user_id", "42"));
        assertEquals("42", server.lastRequest().header("New-Api-User"));
    }

    @Test
    void aUserIdThatIsNotANumberIsRefusedBeforeSending() {
        FetchError e = failByFields(Map.of("relay_url", server.baseUrl().toString(), "user_id", "42\r\nX-Evil: 1"));
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(e.message().contains("a user id must be a number"), e.message());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void noRelayUrlIsNoKeyNamingTheVariableAndSendsNothing() {
        FetchError e = failByFields(Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(e.message().contains("no relay url"), e.message());
        assertTrue(Remedies.commandLine(e).contains("NEWAPI_BASE_URL"), Remedies.commandLine(e));
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void plainHttpToAnotherComputerIsRefusedAndNamesNoKey() {
        FetchError e = failByFields(Map.of("relay_url", "http://relay.example.com/v1"));
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(e.message().contains("plain http is only allowed to this computer"), e.message());
        assertTrue(Remedies.commandLine(e).contains("NEWAPI_BASE_URL"), Remedies.commandLine(e));
    }

    @Test
    void catalogDeclaresTheRelayUrlAndTheOptionalUserId() {
        ProviderInfo info = ProviderCatalog.standard().find("one-api").orElseThrow();
        assertEquals("newapi", info.id().value());
        AccountField url = info.field("relay_url").orElseThrow();
        assertTrue(url.required());
        assertEquals("NEWAPI_BASE_URL", url.envVar());
        assertTrue(url.problem("http://relay.example.com").isPresent(), "plain http only to this computer");
        assertTrue(url.problem("http://127.0.0.1:3000/v1").isEmpty());
        AccountField user = info.field("user_id").orElseThrow();
        assertFalse(user.required());
        assertTrue(user.problem("abc").isPresent());
        assertEquals(List.of("USD"), info.balanceCurrencies(null));
    }
}
