package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally balance <provider> --json} ad hoc, with the environment variables, against fakes on 127.0.0.1. */
class MoreProvidersBalanceCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CANARY = ProviderHarness.CANARY;
    private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
    private static final String CF_PATH = "/client/v4/accounts/" + ACCOUNT + "/ai-gateway/billing/credit-balance";

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode account(CliRunner.Result r) throws Exception {
        return JSON.readTree(r.out()).get("accounts").get(0);
    }

    private void assertNoLeak(CliRunner.Result r, CliRunner cli) {
        assertFalse(r.all().contains(CANARY) || r.all().contains("CANARY"), "key in output: " + r.all());
        assertEquals(List.of(), cli.filesContaining("CANARY"), "key written to a file");
    }

    @Test
    void requestyShowsTheKeysMonthlyLimitSpendAndWhatIsLeft() throws Exception {
        server.fixture("/v1/manage/apikey/self", 200, "requesty/apikey.json");
        CliRunner cli = new CliRunner(home).env("REQUESTY_API_KEY", CANARY);
        CliRunner.Result r = cli.run("balance", "requesty", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode a = account(r);
        assertEquals("ok", a.get("status").asText());
        assertEquals(0, a.get("balances").size());
        assertEquals("50", a.get("keyLimit").get("limit").asText());
        assertEquals("37.7", a.get("keyLimit").get("remaining").asText());
        assertEquals("12.3", a.get("keyLimit").get("usage").asText());
        assertEquals("monthly", a.get("keyLimit").get("reset").asText());
        CliRunner.Result text = cli.run("balance", "requesty", "--base-url", server.baseUrl().toString());
        assertEquals("Requesty: key limit 50 USD, 37.7 USD left (resets monthly), used 12.3 USD [currency assumed from the region]", text.out().strip());
        assertNoLeak(r, cli);
    }

    @Test
    void cloudflareTakesTheAccountIdFromItsVariableOrTheFieldOption() throws Exception {
        server.fixture(CF_PATH, 200, "cloudflare/credit-balance.json");
        CliRunner cli = new CliRunner(home).env("CLOUDFLARE_API_TOKEN", CANARY).env("CLOUDFLARE_ACCOUNT_ID", ACCOUNT);
        CliRunner.Result r = cli.run("balance", "cloudflare", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        JsonNode b = account(r).get("balances").get(0);
        assertEquals("USD", b.get("currency").asText());
        assertEquals("42.57", b.get("total").asText());
        assertTrue(b.get("currencyAssumed").asBoolean());
        assertNoLeak(r, cli);

        CliRunner noVar = new CliRunner(home).env("CLOUDFLARE_API_TOKEN", CANARY).without("CLOUDFLARE_ACCOUNT_ID");
        for (List<String> field : List.of(List.of("--field", "account_id=" + ACCOUNT), List.of("--account-id", ACCOUNT))) {
            List<String> args = new java.util.ArrayList<>(List.of("balance", "cloudflare", "--json", "--base-url",
                    server.baseUrl().toString()));
            args.addAll(field);
            CliRunner.Result f = noVar.run(args.toArray(String[]::new));
            assertEquals(0, f.code(), field + ": " + f.err());
            assertEquals("42.57", account(f).get("balances").get(0).get("total").asText());
        }
        CliRunner.Result missing = noVar.run("balance", "cloudflare", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(1, missing.code());
        assertEquals("no_key", account(missing).get("status").asText());
        assertTrue(account(missing).get("message").asText().contains("CLOUDFLARE_ACCOUNT_ID"),
                account(missing).get("message").asText());
    }

    @Test
    void newApiFindsTheRelayByItsVariableAndSendsTheUserIdHeader() throws Exception {
        server.fixture("/v1/dashboard/billing/subscription", 200, "newapi/subscription-current.json");
        server.fixture("/v1/dashboard/billing/usage", 200, "newapi/usage.json");
        CliRunner cli = new CliRunner(home).env("NEWAPI_API_KEY", CANARY)
                .env("NEWAPI_BASE_URL", server.baseUrl() + "/v1");
        CliRunner.Result r = cli.run("balance", "newapi", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode k = account(r).get("keyLimit");
        assertEquals("25.5", k.get("limit").asText());
        assertEquals("0.500", k.get("remaining").asText(), "25.5 − 2500 cents");
        assertEquals("25.000", k.get("usage").asText());
        assertEquals("/v1/dashboard/billing/usage", server.lastRequest().path());
        assertNoLeak(r, cli);

        CliRunner.Result withBase = new CliRunner(home).env("NEWAPI_API_KEY", CANARY).without("NEWAPI_BASE_URL")
                .run("balance", "newapi", "--json", "--base-url", server.baseUrl().toString(), "--field", "user_id=7");
        assertEquals(0, withBase.code(), withBase.err());
        assertEquals("7", server.lastRequest().header("New-Api-User"));

        CliRunner.Result none = new CliRunner(home).env("NEWAPI_API_KEY", CANARY).without("NEWAPI_BASE_URL")
                .run("balance", "newapi", "--json");
        assertEquals(1, none.code());
        assertEquals("no_key", account(none).get("status").asText());
        assertTrue(account(none).get("message").asText().contains("NEWAPI_BASE_URL"), account(none).get("message").asText());
    }

    @Test
    void liteLlmFindsTheProxyByItsVariableOrOptionAndShowsTheBindingBudget() throws Exception {
        server.fixture("/key/info", 200, "litellm/key-info-team.json");
        server.fixture("/team/info", 200, "litellm/team-info.json");
        CliRunner cli = new CliRunner(home).env("LITELLM_API_KEY", CANARY)
                .env("LITELLM_BASE_URL", server.baseUrl() + "/v1");
        CliRunner.Result r = cli.run("balance", "litellm", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode a = account(r);
        assertTrue(a.get("message").isNull());
        JsonNode k = a.get("keyLimit");
        assertEquals("100.0", k.get("limit").asText());
        assertEquals("28.75", k.get("remaining").asText());
        assertEquals("71.25", k.get("usage").asText());
        assertEquals("2026-12-01T00:00:00Z", k.get("reset").asText());
        assertNoLeak(r, cli);

        CliRunner.Result text = new CliRunner(home).env("LITELLM_API_KEY", CANARY).without("LITELLM_BASE_URL")
                .run("balance", "litellm", "--litellm-url", server.baseUrl().toString());
        assertEquals(0, text.code(), text.err());
        assertEquals("LiteLLM proxy: key limit 100.0 USD, 28.75 USD left (resets 2026-12-01T00:00:00Z), used 71.25 USD"
                        + " [currency assumed from the region]",
                text.out().strip());
    }
}
