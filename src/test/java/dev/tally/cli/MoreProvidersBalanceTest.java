package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tally balance <id> --json} for Vercel AI Gateway, ZenMux, Featherless and AIHubMix, ad hoc: the key only in
 * the provider's environment variable, the documented example served on 127.0.0.1 as a real process would see it.
 */
class MoreProvidersBalanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = ProviderHarness.CANARY;

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "vercel,      AI_GATEWAY_API_KEY,    /v1/credits,                      vercel/credits.json,        95.50,     true,  ,       ",
            "zenmux,      ZENMUX_MANAGEMENT_KEY, /api/v1/management/payg/balance,  zenmux/balance.json,        482.74,    false, 447.74, 35.00",
            "featherless, FEATHERLESS_API_KEY,   /credits/balance,                 featherless/balance.json,   42.488,    false, ,       ",
            "aihubmix,    AIHUBMIX_MANAGE_KEY,   /api/user/self,                   aihubmix/user-self.json,    58.142514, true,  ,       "
    })
    void theDocumentedAnswerIsTheContractWithTheKeyOnlyInTheEnvironment(String provider, String env, String path,
                                                                       String fixture, String total, boolean assumed,
                                                                       String granted, String paid) throws Exception {
        server.fixture(path, 200, fixture);
        CliRunner cli = new CliRunner(home).env(env, KEY);
        CliRunner.Result r = cli.run("balance", provider, "--json", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.all());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals(provider, a.get("provider").asText());
        assertEquals("ok", a.get("status").asText());
        assertTrue(a.get("message").isNull());
        assertEquals(1, a.get("balances").size());
        JsonNode b = a.get("balances").get(0);
        assertEquals("USD", b.get("currency").asText());
        assertEquals(total, b.get("total").asText(), "money is an exact decimal string");
        assertEquals(assumed, b.get("currencyAssumed").asBoolean());
        assertEquals(granted, b.get("granted").isNull() ? null : b.get("granted").asText());
        assertEquals(paid, b.get("paid").isNull() ? null : b.get("paid").asText());
        assertTrue(a.get("spend").isNull());
        assertTrue(a.get("keyLimit").isNull());
        assertEquals("Bearer " + KEY, server.lastRequest().header("Authorization"));
        assertFalse(r.all().contains(KEY), "key leaked into output");
        assertEquals(List.of(), cli.filesContaining("CANARY"), "key leaked into a file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "vercel,      AI_GATEWAY_API_KEY,    /v1/credits,                      vercel/error-401.json",
            "zenmux,      ZENMUX_MANAGEMENT_KEY, /api/v1/management/payg/balance,  zenmux/error-401.json",
            "featherless, FEATHERLESS_API_KEY,   /credits/balance,                 featherless/error-401.json",
            "aihubmix,    AIHUBMIX_MANAGE_KEY,   /api/user/self,                   aihubmix/error-401.json"
    })
    void aRefusedKeyIsAuthFailedAndTheMessageNamesTheVariable(String provider, String env, String path, String fixture)
            throws Exception {
        server.fixture(path, 401, fixture);
        CliRunner cli = new CliRunner(home).env(env, KEY);
        CliRunner.Result r = cli.run("balance", provider, "--json", "--base-url", server.baseUrl().toString());
        assertEquals(1, r.code(), r.all());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("auth_failed", a.get("status").asText());
        assertFalse(r.all().contains(KEY), "key leaked into output");
    }

    @Test
    void withoutItsVariableZenMuxSaysWhichOneToSet() throws Exception {
        CliRunner.Result r = new CliRunner(home).run("balance", "zenmux", "--json", "--base-url",
                server.baseUrl().toString());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("no_key", a.get("status").asText());
        assertTrue(a.get("message").asText().contains("ZENMUX_MANAGEMENT_KEY"), a.get("message").asText());
        assertTrue(server.requests().isEmpty(), "nothing is sent without a key");
    }
}
