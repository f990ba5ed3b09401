package dev.tally.provider;

import dev.tally.core.AccountStatus;
import dev.tally.core.BalanceSnapshot;
import dev.tally.core.Capability;
import dev.tally.core.CurrencyBalance;
import dev.tally.core.FetchError;
import dev.tally.core.KeyLimit;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenRouterProviderTest {
    private static final String KEY = "/api/v1/key";
    private static final String CREDITS = "/api/v1/credits";
    /** The ordinary key in two-key tests; the management key is the harness canary. */
    private static final String ORDINARY = "sk-or-v1-ORDINARY-0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a";

    private final FakeProviderServer server = FakeProviderServer.start();
    private final ProviderHarness harness = new ProviderHarness(new OpenRouterProvider(), server);

    @AfterEach
    void stop() {
        server.close();
    }

    private static Map<String, String> apiOnly() {
        return Map.of(KeySlot.API, ProviderHarness.CANARY);
    }

    private static Map<String, String> managementOnly() {
        return Map.of(KeySlot.MANAGEMENT, ProviderHarness.CANARY);
    }

    private static Map<String, String> both() {
        return Map.of(KeySlot.API, ORDINARY, KeySlot.MANAGEMENT, ProviderHarness.CANARY);
    }

    private FetchError failWithBothKeys() {
        FetchError e = harness.fail(null, null, both());
        assertFalse(e.message().contains(ORDINARY), "the ordinary key leaked: " + e.message());
        return e;
    }

    @Test
    void slotsAreApiThenManagementWithTheirEnvironmentVariables() {
        List<KeySlot> slots = OpenRouterProvider.INFO.keySlots();
        assertEquals(List.of(KeySlot.API, KeySlot.MANAGEMENT), slots.stream().map(KeySlot::name).toList());
        assertEquals("OPENROUTER_API_KEY", slots.get(0).envVar());
        assertEquals("OPENROUTER_MANAGEMENT_KEY", slots.get(1).envVar());
        assertTrue(slots.get(1).description().contains("openrouter.ai/settings/management-keys"));
        assertEquals(Set.of(Capability.BALANCE, Capability.KEY_LIMIT),
                OpenRouterProvider.INFO.capabilities());
        assertEquals("https://openrouter.ai", OpenRouterProvider.INFO.defaultRegion().origin().toString());
    }

    @Test
    void theDocsExampleWithByokFieldsAndAFarExpiryReadsAsBeforeAndSaysNothingOfTheExpiry() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        BalanceSnapshot s = harness.fetch(null, null, apiOnly());
        assertEquals("74.5", s.keyLimit().remaining().toPlainString());
        assertEquals(List.of(new dev.tally.core.Caveat.KeyExpires(java.time.Instant.parse("2027-12-31T23:59:59Z"))),
                s.caveats());
        assertEquals(List.of(), dev.tally.status.Caveats.sentences(s, ProviderHarness.NOW), "a year away is not soon");
    }

    @Test
    void aKeyThatExpiresSoonIsToldWithTheDate() throws Exception {
        server.fixture(KEY, 200, "openrouter/key-expires-soon.json");
        BalanceSnapshot s = harness.fetch(null, null, apiOnly());
        assertEquals("74.5", s.keyLimit().remaining().toPlainString(), "BYOK fields change nothing of the limit");
        assertEquals(List.of("This key expires on 2026-11-25 12:00 UTC"),
                dev.tally.status.Caveats.sentences(s, ProviderHarness.NOW));
        assertTrue(dev.tally.status.CommandLineText.describe(s).endsWith(" — This key expires on 2026-11-25 12:00 UTC"),
                dev.tally.status.CommandLineText.describe(s));
        assertEquals(List.of("This key expired on 2026-11-25 12:00 UTC"),
                dev.tally.status.Caveats.sentences(s, java.time.Instant.parse("2026-11-26T00:00:00Z")));
    }

    @Test
    void anExpiryThatIsNotADateIsABadResponseNamingTheField() {
        server.fixture(KEY, 200, "openrouter/key-bad-expiry.json");
        FetchError e = harness.fail(null, null, apiOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("expires_at"), e.message());
        server.fixture(KEY, 200, "openrouter/key-expiry-number.json");
        e = harness.fail(null, null, apiOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'expires_at' is not a date (got number)"), e.message());
    }

    @Test
    void ordinaryKeyDocsExampleGivesTheKeysLimitAndNoBalance() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        BalanceSnapshot s = harness.fetch(null, null, apiOnly());
        KeyLimit k = s.keyLimit();
        assertEquals("USD", k.currency());
        assertEquals(new BigDecimal("100"), k.limit());
        assertEquals("74.5", k.remaining().toPlainString());
        assertEquals("25.5", k.usage().toPlainString());
        assertEquals("monthly", k.reset());
        assertFalse(k.unlimited());
        assertTrue(s.balances().isEmpty());
        assertEquals(ProviderHarness.NOW, s.fetchedAt());
    }

    @Test
    void ordinaryKeyGoesOnlyToKeyEndpoint() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        server.fixture(CREDITS, 200, "openrouter/credits.json");
        harness.fetch(null, null, apiOnly());
        assertEquals(1, server.requests().size());
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals("GET", r.method());
        assertEquals(KEY, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void unlimitedKeyHasNullLimitNeverZero() throws Exception {
        server.fixture(KEY, 200, "openrouter/key-unlimited.json");
        KeyLimit k = harness.fetch(null, null, apiOnly()).keyLimit();
        assertTrue(k.unlimited());
        assertNull(k.limit());
        assertNull(k.remaining());
        assertNull(k.reset());
        assertEquals("3.25", k.usage().toPlainString());
    }

    @Test
    void keyMoneyAsStringsAndNegativeRemainingAreKeptExactly() throws Exception {
        server.fixture(KEY, 200, "openrouter/key-strings.json");
        KeyLimit k = harness.fetch(null, null, apiOnly()).keyLimit();
        assertEquals("20.00", k.limit().toPlainString());
        assertEquals("-0.50", k.remaining().toPlainString());
        assertEquals("20.50", k.usage().toPlainString());
        assertEquals("daily", k.reset());
    }

    @Test
    void keyWithoutUsageIsBadResponseNamingTheField() {
        server.fixture(KEY, 200, "openrouter/key-missing-usage.json");
        FetchError e = harness.fail(null, null, apiOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("usage"), e.message());
    }

    @Test
    void keyWithoutLimitFieldIsBadResponseNotUnlimited() {
        server.fixture(KEY, 200, "openrouter/key-missing-limit.json");
        FetchError e = harness.fail(null, null, apiOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("'limit'"), e.message());
    }

    @Test
    void cappedKeyWithoutRemainingIsBadResponse() {
        server.json(KEY, 200, "{\"data\":{\"limit\":10,\"limit_remaining\":null,\"usage\":1}}");
        FetchError e = harness.fail(null, null, apiOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("limit_remaining"), e.message());
    }

    @Test
    void managementKeyDocsExampleGivesExactUsdBalance() throws Exception {
        server.fixture(CREDITS, 200, "openrouter/credits.json");
        BalanceSnapshot s = harness.fetch(null, null, managementOnly());
        assertEquals(1, s.balances().size());
        CurrencyBalance b = s.balances().getFirst();
        assertEquals("USD", b.currency());
        assertEquals("74.75", b.total().toPlainString());
        assertNull(b.granted());
        assertNull(b.paid());
        assertFalse(b.currencyAssumed());
        assertNull(s.keyLimit());
    }

    @Test
    void managementKeyGoesOnlyToCreditsEndpoint() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        server.fixture(CREDITS, 200, "openrouter/credits.json");
        harness.fetch(null, null, managementOnly());
        assertEquals(1, server.requests().size());
        FakeProviderServer.Recorded r = server.lastRequest();
        assertEquals(CREDITS, r.pathAndQuery());
        assertEquals("Bearer " + ProviderHarness.CANARY, r.header("Authorization"));
    }

    @Test
    void creditsAsStringsAreSubtractedExactly() throws Exception {
        server.fixture(CREDITS, 200, "openrouter/credits-strings.json");
        assertEquals("100.25", harness.fetch(null, null, managementOnly()).balances().getFirst().total().toPlainString());
    }

    @Test
    void usageAboveCreditsGivesNegativeBalanceNotZero() throws Exception {
        server.fixture(CREDITS, 200, "openrouter/credits-overdrawn.json");
        assertEquals("-2.5", harness.fetch(null, null, managementOnly()).balances().getFirst().total().toPlainString());
    }

    @Test
    void zeroCreditsAndZeroUsageIsNeverShownAsZeroDollars() {
        server.fixture(CREDITS, 200, "openrouter/credits-zeros.json");
        FetchError e = harness.fail(null, null, managementOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("0 credits and 0 usage"), e.message());
        assertTrue(e.message().contains("management key"), e.message());
    }

    @Test
    void creditsWithoutUsageIsBadResponseNamingTheField() {
        server.fixture(CREDITS, 200, "openrouter/credits-missing-usage.json");
        FetchError e = harness.fail(null, null, managementOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("total_usage"), e.message());
    }

    @Test
    void ordinaryKeyInManagementSlotIsForbiddenWithAdvice() {
        server.fixture(CREDITS, 403, "openrouter/error-403.json");
        FetchError e = harness.fail(null, null, managementOnly());
        assertInstanceOf(FetchError.Forbidden.class, e);
        assertTrue(e.message().contains("needs a management key"), e.message());
        assertTrue(e.message().contains("openrouter.ai/settings/management-keys"), e.message());
        assertTrue(e.message().contains("HTTP 403"), e.message());
        assertTrue(e.message().contains("Only management keys can perform this operation"), e.message());
    }

    @Test
    void errorObjectInsideHttp200IsBadResponseWithProviderWords() {
        server.json(CREDITS, 200, "{\"error\":{\"code\":403,\"message\":\"Only management keys can perform this operation\"}}");
        FetchError e = harness.fail(null, null, managementOnly());
        assertEquals(AccountStatus.BAD_RESPONSE, e.status());
        assertTrue(e.message().contains("Only management keys"), e.message());
    }

    @Test
    void bothKeysGiveBalanceAndKeyLimitWithEachKeyOnItsOwnEndpoint() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        server.fixture(CREDITS, 200, "openrouter/credits.json");
        BalanceSnapshot s = harness.fetch(null, null, both());
        assertEquals("74.75", s.balances().getFirst().total().toPlainString());
        assertEquals("74.5", s.keyLimit().remaining().toPlainString());
        List<FakeProviderServer.Recorded> requests = server.requests();
        assertEquals(2, requests.size());
        for (FakeProviderServer.Recorded r : requests) {
            String expected = r.path().equals(KEY) ? "Bearer " + ORDINARY : "Bearer " + ProviderHarness.CANARY;
            assertEquals(expected, r.header("Authorization"), r.path());
        }
        assertEquals(Set.of(KEY, CREDITS), Set.of(requests.get(0).path(), requests.get(1).path()));
    }

    @Test
    void withBothKeysARefusedManagementKeyKeepsTheOrdinaryKeysLimitAndSaysWhichKeyFailed() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        server.fixture(CREDITS, 403, "openrouter/error-403.json");
        BalanceSnapshot s = harness.fetch(null, null, both());
        assertEquals("74.5", s.keyLimit().remaining().toPlainString(), "the good half is kept");
        assertTrue(s.balances().isEmpty());
        assertInstanceOf(FetchError.Forbidden.class, s.problem());
        assertEquals("the account's credit balance is not shown: the management key (OPENROUTER_MANAGEMENT_KEY) is not"
                + " allowed to read this at 127.0.0.1 (HTTP 403: Only management keys can perform this operation);"
                + " OpenRouter's credit balance needs a management key (create one at openrouter.ai/settings/management-keys;"
                + " an ordinary API key is refused)", s.problem().message());
        assertFalse(s.problem().message().contains(ORDINARY));
    }

    @Test
    void withBothKeysAServerErrorOnCreditsStillShowsTheKeyLimit() throws Exception {
        server.fixture(KEY, 200, "openrouter/key.json");
        server.fixture(CREDITS, 500, "openrouter/error-500.json");
        BalanceSnapshot s = harness.fetch(null, null, both());
        assertEquals("74.5", s.keyLimit().remaining().toPlainString());
        assertEquals(AccountStatus.PROVIDER_ERROR, s.problem().status());
        assertTrue(s.problem().message().startsWith("the account's credit balance is not shown: the management key"
                + " (OPENROUTER_MANAGEMENT_KEY): 127.0.0.1 had a server error (HTTP 500"), s.problem().message());
    }

    @Test
    void withBothKeysARejectedOrdinaryKeyKeepsTheBalanceAndNamesThatKey() throws Exception {
        server.fixture(KEY, 401, "openrouter/error-401.json");
        server.fixture(CREDITS, 200, "openrouter/credits.json");
        BalanceSnapshot s = harness.fetch(null, null, both());
        assertEquals("74.75", s.balances().getFirst().total().toPlainString());
        assertNull(s.keyLimit());
        assertEquals(AccountStatus.AUTH_FAILED, s.problem().status());
        assertEquals("the key's limit is not shown: the ordinary API key (OPENROUTER_API_KEY) was rejected by 127.0.0.1"
                + " (HTTP 401: Missing Authentication header)", s.problem().message());
    }

    @Test
    void withBothKeysFailingTheErrorNamesBothKeysKeyProblemFirst() {
        server.fixture(KEY, 401, "openrouter/error-401.json");
        server.fixture(CREDITS, 500, "openrouter/error-500.json");
        FetchError e = failWithBothKeys();
        assertEquals(AccountStatus.AUTH_FAILED, e.status(), "the rejected key is what the user can fix");
        assertTrue(e.message().startsWith("the ordinary API key (OPENROUTER_API_KEY) was rejected by 127.0.0.1"), e.message());
        assertTrue(e.message().contains("; and the management key (OPENROUTER_MANAGEMENT_KEY): 127.0.0.1 had a server error"),
                e.message());
    }

    @Test
    void rejectedManagementKeyIsAuthFailedNamingTheManagementKey() {
        server.fixture(CREDITS, 401, "openrouter/error-401.json");
        FetchError e = harness.fail(null, null, managementOnly());
        assertEquals(AccountStatus.AUTH_FAILED, e.status());
        assertEquals("the management key (OPENROUTER_MANAGEMENT_KEY) was rejected by 127.0.0.1 (HTTP 401: Missing"
                + " Authentication header)", e.message());
    }

    @Test
    void rejectedOrdinaryKeyAloneNamesTheOrdinaryKey() {
        server.fixture(KEY, 401, "openrouter/error-401.json");
        FetchError e = harness.fail(null, null, apiOnly());
        assertTrue(e.message().startsWith("the ordinary API key (OPENROUTER_API_KEY) was rejected"), e.message());
    }

    @Test
    void noKeyAtAllNamesBothEnvironmentVariablesAndSendsNothing() {
        FetchError e = harness.fail(null, null, Map.of());
        assertEquals(AccountStatus.NO_KEY, e.status());
        assertTrue(e.message().contains("OPENROUTER_API_KEY"), e.message());
        assertTrue(e.message().contains("OPENROUTER_MANAGEMENT_KEY"), e.message());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void catalogListsOpenRouterAsSupported() {
        ProviderInfo info = ProviderCatalog.standard().find("OpenRouter").orElseThrow();
        assertTrue(info.supported());
        assertTrue(ProviderCatalog.standard().provider(info.id()).orElseThrow() instanceof OpenRouterProvider);
    }
}
