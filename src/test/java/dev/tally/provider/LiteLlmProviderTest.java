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

class LiteLlmProviderTest {
    private static final String CANARY = ProviderHarness.CANARY;

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new LiteLlmProvider(), server);
    private final HttpFetch http = new HttpFetch("test", HttpFetch.CONNECT_TIMEOUT, Duration.ofSeconds(3),
            HttpFetch.MAX_BODY_BYTES, Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC));

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    private void serve(String key, String owner) {
        server.fixture("/key/info", 200, "litellm/" + key);
        if (owner != null) {
            server.fixture(owner.startsWith("team") ? "/team/info" : "/user/info", 200, "litellm/" + owner);
        }
    }

    private BalanceSnapshot fetchByFields(Map<String, String> fields) throws FetchException {
        FetchContext ctx = new FetchContext(LiteLlmProvider.INFO, new ProviderTarget("proxy", null, null, fields),
                Credentials.of(KeySlot.API, Secret.of(CANARY)), http, Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC));
        return new LiteLlmProvider().fetch(ctx);
    }

    @Test
    void theKeysOwnBudgetLeavesLessThanTheUsersSoItIsShownWithItsReset() throws Exception {
        serve("key-info.json", "user-info.json");
        BalanceSnapshot s = harness.fetch();
        KeyLimit k = s.keyLimit();
        assertEquals("USD", k.currency());
        assertEquals("10.0", k.limit().toPlainString());
        assertEquals("6.8", k.remaining().toPlainString(), "10.0 budget − 3.2 spent");
        assertEquals("3.2", k.usage().toPlainString());
        assertEquals("2026-12-01T00:00:00Z", k.reset(), "when the budget resets");
        assertFalse(s.partial());
        assertEquals(List.of("/key/info", "/user/info?user_id=ishaan%40berri.ai"),
                server.requests().stream().map(FakeProviderServer.Recorded::pathAndQuery).toList());
        server.requests().forEach(r -> assertEquals("Bearer " + CANARY, r.header("Authorization")));
        assertFalse(s.toString().contains("88dc28d0"), "the key's hash is not kept");
    }

    @Test
    void aUserBudgetThatLeavesLessIsWhatBinds() throws Exception {
        serve("key-info.json", "user-info-tight.json");
        KeyLimit k = harness.fetch().keyLimit();
        assertEquals("50.0", k.limit().toPlainString());
        assertEquals("2.0", k.remaining().toPlainString());
        assertEquals("48.0", k.usage().toPlainString());
        assertEquals("2026-12-15T00:00:00Z", k.reset(), "a time without offset is LiteLLM's UTC");
    }

    @Test
    void aKeyInATeamIsLimitedByTheTeamsBudget() throws Exception {
        serve("key-info-team.json", "team-info.json");
        KeyLimit k = harness.fetch().keyLimit();
        assertEquals("100.0", k.limit().toPlainString());
        assertEquals("28.75", k.remaining().toPlainString());
        assertEquals("71.25", k.usage().toPlainString(), "the team's spend");
        assertEquals("2026-12-01T00:00:00Z", k.reset());
        assertEquals("/team/info?team_id=team-core+infra", server.lastRequest().pathAndQuery());
        assertTrue(server.requests().stream().noneMatch(r -> r.path().equals("/user/info")), "the team's budget binds");
    }

    @Test
    void noBudgetAnywhereIsSpendOnly() throws Exception {
        serve("key-info-no-budget.json", null);
        BalanceSnapshot s = harness.fetch();
        KeyLimit k = s.keyLimit();
        assertTrue(k.unlimited());
        assertNull(k.remaining());
        assertEquals("0.4567", k.usage().toPlainString());
        assertNull(k.reset());
        assertEquals(1, server.requests().size(), "a key of nobody asks nothing more");
    }

    @Test
    void aUserLiteLlmHasNoRecordOfHasNoBudget() throws Exception {
        serve("key-info.json", "user-info-null.json");
        BalanceSnapshot s = harness.fetch();
        assertEquals("6.8", s.keyLimit().remaining().toPlainString());
        assertFalse(s.partial());
    }

    @Test
    void aTeamInfoTheKeyMayNotReadKeepsTheKeysFiguresAndSaysWhatIsMissing() throws Exception {
        server.fixture("/key/info", 200, "litellm/key-info-team.json");
        server.fixture("/team/info", 403, "litellm/error-403.json");
        BalanceSnapshot s = harness.fetch();
        assertTrue(s.partial());
        assertEquals(AccountStatus.FORBIDDEN, s.problem().status());
        assertTrue(s.problem().message().startsWith("the team's budget is not shown"), s.problem().message());
        assertTrue(s.problem().message().contains("Only proxy admin or team admin"), s.problem().message());
        assertTrue(s.keyLimit().unlimited(), "the key itself has no budget");
        assertEquals("1.5", s.keyLimit().usage().toPlainString());
    }

    @Test
    void missingFieldsAreBadResponsesNamingThem() {
        serve("key-info-missing-spend.json", null);
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("LiteLLM key info: field 'spend' is missing"), e.message());
        serve("key-info-missing-max-budget.json", null);
        assertTrue(harness.fail().message().contains("field 'max_budget' is missing"), "missing is not 'no budget'");
        serve("key-info-team.json", "team-info-missing-spend.json");
        BalanceSnapshot s;
        try {
            s = harness.fetch();
        } catch (FetchException ex) {
            throw new AssertionError(ex);
        }
        assertEquals(AccountStatus.BAD_RESPONSE, s.problem().status());
        assertTrue(s.problem().message().contains("LiteLLM team info: field 'spend' is missing"), s.problem().message());
    }

    @Test
    void wrongTypesAreBadResponses() {
        serve("key-info-wrong-types.json", null);
        assertTrue(harness.fail().message().contains("'spend' is not a number"));
        serve("key-info-no-info.json", null);
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'info' is not an object"), e.message());
    }

    @Test
    void anErrorWithHttp200IsABadResponseQuotingTheProxy() {
        serve("error-envelope.json", null);
        FetchError e = harness.fail();
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("Malformed API Key"), e.message());
    }

    @Test
    void rejectedKeyIsAuthFailedWithoutTheKey() {
        server.fixture("/key/info", 401, "litellm/error-401.json");
        FetchError e = harness.fail();
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertTrue(e.message().contains("Invalid proxy server token"), e.message());
    }

    @Test
    void aProxyUrlEndingInV1IsUsedAtItsRoot() throws Exception {
        serve("key-info-no-budget.json", null);
        fetchByFields(Map.of("litellm_url", server.baseUrl() + "/v1"));
        assertEquals("/key/info", server.lastRequest().path());
        server.fixture("/gateway/key/info", 200, "litellm/key-info-no-budget.json");
        fetchByFields(Map.of("litellm_url", server.baseUrl() + "/gateway/v1/"));
        assertEquals("/gateway/key/info", server.lastRequest().path());
    }

    @Test
    void noProxyUrlIsNoKeyNamingTheVariableAndSendsNothing() {
        try {
            throw new AssertionError("expected a failure, got " + fetchByFields(Map.of()));
        } catch (FetchException e) {
            assertEquals(AccountStatus.NO_KEY, e.error().status());
            assertTrue(Remedies.commandLine(e.error()).contains("LITELLM_BASE_URL"), Remedies.commandLine(e.error()));
        }
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void unreadableResetTimesAreShownCleanedNotDropped() {
        Redactor r = Redactor.of(List.of(Secret.of(CANARY)));
        assertEquals("next month", LiteLlmProvider.resetAt("next month", r));
        assertEquals("2026-12-01T00:00:00Z", LiteLlmProvider.resetAt("2026-12-01T00:00:00.999Z", r));
        assertNull(LiteLlmProvider.resetAt(" ", r));
    }

    @Test
    void catalogDeclaresTheRequiredProxyUrl() {
        ProviderInfo info = ProviderCatalog.standard().find("litellm").orElseThrow();
        AccountField f = info.field("litellm_url").orElseThrow();
        assertTrue(f.required());
        assertEquals("LITELLM_BASE_URL", f.envVar());
        assertEquals("--litellm-url", f.option());
        assertEquals(List.of("USD"), info.balanceCurrencies(null));
    }
}
