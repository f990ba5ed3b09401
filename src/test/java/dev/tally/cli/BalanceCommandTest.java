package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Fixtures;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BalanceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = ProviderHarness.CANARY;

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("DEEPSEEK_API_KEY", CANARY);
    }

    private void assertNoLeak(CliRunner.Result r, CliRunner cli) {
        assertFalse(r.all().contains(CANARY), "key in output: " + r.all());
        assertFalse(r.all().contains("CANARY"), "key in output: " + r.all());
        assertEquals(List.of(), cli.filesContaining("CANARY"), "key written to a file");
    }

    @Test
    void jsonContractForDeepSeekAgainstFake() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        CliRunner cli = cli();
        CliRunner.Result r = cli.run("balance", "deepseek", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("2026-11-22T05:00:00Z", doc.get("checkedAt").asText());
        JsonNode a = doc.get("accounts").get(0);
        assertEquals(Set.of("id", "provider", "label", "status", "message", "available", "balances", "spend",
                "keyLimit", "source"), fields(a));
        assertEquals("deepseek", a.get("id").asText());
        assertEquals("deepseek", a.get("provider").asText());
        assertEquals("DeepSeek", a.get("label").asText());
        assertEquals("ok", a.get("status").asText());
        assertTrue(a.get("message").isNull());
        assertTrue(a.get("available").asBoolean());
        JsonNode b = a.get("balances").get(0);
        assertEquals(Set.of("currency", "total", "granted", "paid", "currencyAssumed"), fields(b));
        assertEquals("CNY", b.get("currency").asText());
        assertTrue(b.get("total").isTextual(), "money is a JSON string");
        assertEquals("110.00", b.get("total").asText());
        assertEquals("10.00", b.get("granted").asText());
        assertEquals("100.00", b.get("paid").asText());
        assertFalse(b.get("currencyAssumed").asBoolean());
        assertTrue(a.get("spend").isNull());
        assertTrue(a.get("keyLimit").isNull());
        assertEquals("provider", a.get("source").asText());
        assertEquals("Bearer " + CANARY, server.lastRequest().header("Authorization"));
        assertNoLeak(r, cli);
    }

    @Test
    void basePathIsPrefixedToDocumentedPath() {
        server.fixture("/proxy/deepseek/user/balance", 200, "deepseek/balance.json");
        CliRunner.Result r = cli().run("balance", "deepseek", "--base-url", server.baseUrl() + "/proxy/deepseek/");
        assertEquals(0, r.code(), r.err());
        assertEquals("/proxy/deepseek/user/balance", server.lastRequest().path());
    }

    @Test
    void textLineShowsAmountCurrencyAndBreakdown() {
        server.fixture("/user/balance", 200, "deepseek/balance-two-currencies.json");
        CliRunner.Result r = cli().run("balance", "deepseek", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("DeepSeek: 0.01 CNY (paid 0.00, granted 0.01) · 5.30 USD (paid 5.30, granted 0.00)", r.out().strip());
    }

    @Test
    void rejectedKeyExitsOneWithStatusAndNoKeyInOutput() throws Exception {
        server.json("/user/balance", 401, "{\"error\":{\"message\":\"Authentication Fails (" + CANARY + ")\"}}");
        CliRunner cli = cli();
        CliRunner.Result r = cli.run("balance", "deepseek", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(1, r.code());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("auth_failed", a.get("status").asText());
        assertTrue(a.get("message").asText().contains("HTTP 401"), a.get("message").asText());
        assertEquals(0, a.get("balances").size());
        assertTrue(a.get("available").isNull());
        assertNoLeak(r, cli);
    }

    @Test
    void aKeyEchoedWithoutItsPrefixReachesNeitherOutputNorLogs() throws Exception {
        // the canary is sk-CANARY-7f3a…; the provider quotes it without "sk-", and a long piece of it apart
        server.json("/user/balance", 401, "{\"error\":{\"message\":\"Authentication Fails, your api key ****"
                + CANARY.substring(3) + " is invalid (seen as 9c1e5b2d4f60a8e1c3b5)\"}}");
        CliRunner cli = cli();
        for (String format : List.of("--json", "--debug")) {
            CliRunner.Result r = cli.run("balance", "deepseek", format, "--base-url", server.baseUrl().toString());
            assertEquals(1, r.code(), r.err());
            assertTrue(r.out().contains("Authentication Fails, your api key ****[key] is invalid (seen as [key])"), r.out());
            assertNoLeak(r, cli);
            assertFalse(r.all().contains("7f3a9c1e"), r.all());
            assertEquals(List.of(), cli.filesContaining("9c1e5b2d4f60"), "a piece of the key written to a file");
        }
    }

    @Test
    void unsupportedProviderSaysWhyAndExitsOne() {
        CliRunner.Result r = cli().run("balance", "groq");
        assertEquals(1, r.code());
        assertTrue(r.out().startsWith("Groq: balance check not supported — "), r.out());
        assertTrue(r.out().contains("console"), r.out());
    }

    @Test
    void unsupportedProviderInJson() throws Exception {
        CliRunner.Result r = cli().run("balance", "gemini", "--json");
        assertEquals(1, r.code());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("unsupported", a.get("status").asText());
        assertTrue(a.get("source").isNull());
    }

    @Test
    void unknownNameIsUsageErrorOnOneStderrLine() {
        CliRunner.Result r = cli().run("balance", "nosuchthing");
        assertEquals(2, r.code());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("tally: unknown account or provider 'nosuchthing'"), r.err());
        assertTrue(r.err().contains("deepseek"), "lists what exists: " + r.err());
    }

    @Test
    void badFlagIsUsageError() {
        assertEquals(2, cli().run("balance", "--frobnicate").code());
    }

    @Test
    void plainHttpToRemoteHostIsUsageError() {
        CliRunner.Result r = cli().run("balance", "deepseek", "--base-url", "http://api.deepseek.com");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("https"), r.err());
        assertEquals(0, server.requests().size());
    }

    @Test
    void aHostThatDoesNotResolveIsReportedAsSuchNotAsRefused() {
        CliRunner cli = cli();
        CliRunner.Result r = cli.run("balance", "deepseek", "--base-url", "https://no-such-host.invalid");
        assertEquals(1, r.code(), r.err());
        assertEquals("DeepSeek: network error — could not resolve no-such-host.invalid (offline, or a DNS problem?)",
                r.out().strip());
        assertNoLeak(r, cli);
    }

    @Test
    void unknownRegionIsUsageError() {
        CliRunner.Result r = cli().run("balance", "deepseek", "--region", "mars");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("mars"), r.err());
    }

    @Test
    void missingKeySaysWhereToPutIt() throws Exception {
        CliRunner.Result r = new CliRunner(home).run("balance", "deepseek", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(1, r.code());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("no_key", a.get("status").asText());
        assertTrue(a.get("message").asText().contains("DEEPSEEK_API_KEY"));
        assertEquals(0, server.requests().size());
    }

    @Test
    void nothingConfiguredExitsOneWithAdvice() {
        CliRunner.Result r = new CliRunner(home).run("balance");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("tally accounts add"), r.err());
    }

    @Test
    void configuredAccountsAreAllFetchedInOrder() throws Exception {
        server.fixture("/a/user/balance", 200, "deepseek/balance.json");
        server.fixture("/b/user/balance", 200, "deepseek/balance-two-currencies.json");
        Files.writeString(home.resolve("accounts.json"), """
                {"version": 1, "accounts": [
                  {"id": "ds-work", "provider": "deepseek", "label": "DeepSeek (work)", "baseUrl": "%s/a"},
                  {"id": "ds-home", "provider": "deepseek", "label": "DeepSeek (home)", "baseUrl": "%s/b"}
                ]}""".formatted(server.baseUrl(), server.baseUrl()));
        CliRunner.Result r = cli().run("balance", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode accounts = JSON.readTree(r.out()).get("accounts");
        assertEquals("ds-work", accounts.get(0).get("id").asText());
        assertEquals("DeepSeek (work)", accounts.get(0).get("label").asText());
        assertEquals("110.00", accounts.get(0).get("balances").get(0).get("total").asText());
        assertEquals("ds-home", accounts.get(1).get("id").asText());
        assertEquals(2, accounts.get(1).get("balances").size());
        CliRunner.Result one = cli().run("balance", "ds-home");
        assertEquals(0, one.code());
        assertTrue(one.out().startsWith("DeepSeek (home): 0.01 CNY"), one.out());
    }

    @Test
    void corruptAccountsFileIsKeptAsideAndReported() throws Exception {
        Files.writeString(home.resolve("accounts.json"), "{\"version\": 1, \"accounts\": [ {\"id\": ");
        CliRunner.Result r = new CliRunner(home).run("balance");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("could not be read"), r.err());
        try (var files = Files.list(home)) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().startsWith("accounts.json.corrupt-")));
        }
    }

    @Test
    void openRouterUnlimitedKeyShowsNullLimitNeverZero() throws Exception {
        server.fixture("/api/v1/key", 200, "openrouter/key-unlimited.json");
        CliRunner.Result r = new CliRunner(home).env("OPENROUTER_API_KEY", CANARY)
                .run("balance", "openrouter", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        JsonNode k = a.get("keyLimit");
        assertEquals(Set.of("limit", "remaining", "usage", "reset", "currencyAssumed"), fields(k));
        assertFalse(k.get("currencyAssumed").asBoolean(), "OpenRouter's credits are USD by definition");
        assertTrue(k.get("limit").isNull(), "unlimited is null, never 0");
        assertTrue(k.get("remaining").isNull());
        assertTrue(k.get("usage").isTextual());
        assertEquals(0, a.get("balances").size(), "an ordinary key cannot see the account balance");
        CliRunner.Result text = new CliRunner(home).env("OPENROUTER_API_KEY", CANARY)
                .run("balance", "openrouter", "--base-url", server.baseUrl().toString());
        assertTrue(text.out().contains("key has no limit"), text.out());
    }

    @Test
    void openRouterWithARefusedManagementKeyKeepsTheOrdinaryKeysLimitAndNamesTheKey() throws Exception {
        server.fixture("/api/v1/key", 200, "openrouter/key.json");
        server.fixture("/api/v1/credits", 403, "openrouter/error-403.json");
        CliRunner cli = new CliRunner(home).env("OPENROUTER_API_KEY", "sk-or-v1-ORDINARY-0d1e2f3a4b5c6d7e8f9a0b1c")
                .env("OPENROUTER_MANAGEMENT_KEY", CANARY);
        CliRunner.Result r = cli.run("balance", "openrouter", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), "the account was fetched, in part: " + r.err());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals("ok", a.get("status").asText());
        assertEquals("74.5", a.get("keyLimit").get("remaining").asText(), "the good half is kept");
        assertEquals(0, a.get("balances").size());
        assertTrue(a.get("message").asText().startsWith("the account's credit balance is not shown: the management key"
                + " (OPENROUTER_MANAGEMENT_KEY) is not allowed"), a.get("message").asText());
        CliRunner.Result text = cli.run("balance", "openrouter", "--base-url", server.baseUrl().toString());
        assertTrue(text.out().startsWith("OpenRouter: key limit 100 USD, 74.5 USD left (resets monthly), used 25.5 USD"
                + " — key not allowed — the account's credit balance is not shown: the management key"
                + " (OPENROUTER_MANAGEMENT_KEY)"), text.out());
        assertNoLeak(r, cli);
        assertNoLeak(text, cli);
        assertFalse(r.all().contains("ORDINARY") || text.all().contains("ORDINARY"));
    }

    @Test
    void fixtureIsTheDocsExample() {
        assertTrue(Fixtures.read("deepseek/balance.json").contains("\"topped_up_balance\": \"100.00\""));
    }

    private static Set<String> fields(JsonNode n) {
        Set<String> s = new TreeSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
