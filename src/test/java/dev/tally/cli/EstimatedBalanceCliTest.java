package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An OpenAI account with a known top-up: {@code tally balance} and {@code tally status} show the estimated balance in
 * its own {@code estimatedBalance} object and call it an estimate in text, next to the reported spend, which stays as
 * it was. The clock is 22 Nov 2026 05:00 UTC; the fake costs server reports 10.00, 20.00 and 11.20 USD on 19–21 Nov.
 */
class EstimatedBalanceCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = ProviderHarness.CANARY;

    @TempDir
    Path home;

    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static String bucket(String day, String next, String usd) {
        long s = java.time.Instant.parse(day + "T00:00:00Z").getEpochSecond();
        long e = java.time.Instant.parse(next + "T00:00:00Z").getEpochSecond();
        return "{\"object\":\"bucket\",\"start_time\":" + s + ",\"end_time\":" + e
                + ",\"results\":[{\"amount\":{\"value\":" + usd + ",\"currency\":\"usd\"}}]}";
    }

    private CliRunner cli() {
        return new CliRunner(home).env("OPENAI_ADMIN_KEY", KEY);
    }

    private void openAiWithTopUp(String topUp, String date) {
        server.json("/v1/organization/costs", 200, "{\"object\":\"page\",\"has_more\":false,\"data\":["
                + bucket("2026-11-19", "2026-11-20", "10.00") + "," + bucket("2026-11-20", "2026-11-21", "20.00") + ","
                + bucket("2026-11-21", "2026-11-22", "11.20") + "]}");
        assertEquals(0, cli().run("accounts", "add", "--provider", "openai", "--base-url", server.baseUrl().toString()).code());
        CliRunner.Result r = cli().run("accounts", "edit", "openai", "--topup", topUp, "--topup-date", date);
        assertEquals(0, r.code(), r.all());
    }

    @Test
    void balanceCarriesTheEstimateInItsOwnObjectAndTheReportedSpendUnchanged() throws Exception {
        openAiWithTopUp("120.00 USD", "2026-11-19");
        CliRunner.Result r = cli().run("balance", "--json");
        assertEquals(0, r.code(), r.all());
        JsonNode a = JSON.readTree(r.out()).get("accounts").get(0);
        assertEquals(0, a.get("balances").size(), "an estimate is never a reported balance");
        assertEquals("41.20", a.get("spend").get("amount").asText());
        JsonNode e = a.get("estimatedBalance");
        assertEquals("78.80", e.get("amount").asText());
        assertEquals("USD", e.get("currency").asText());
        assertEquals("estimated", e.get("state").asText());
        JsonNode basis = e.get("basis");
        assertEquals("120.00", basis.get("topup").asText());
        assertEquals("2026-11-19T00:00:00Z", basis.get("topupAt").asText());
        assertEquals("41.20", basis.get("reportedSpend").asText());
        assertEquals("2026-11-19T00:00:00Z", basis.get("since").asText());
        assertFalse(basis.get("countedFromNextDay").asBoolean());
        List<String> names = new ArrayList<>();
        a.fieldNames().forEachRemaining(names::add);
        assertEquals(List.of("id", "provider", "label", "status", "message", "available", "balances", "spend", "keyLimit",
                "source", "estimatedBalance"), names, "additive: the contract's fields first, in their order");

        String text = cli().run("balance").out();
        assertTrue(text.contains("spent 41.20 USD this month · ≈ $78.80 left (estimated from your $120.00 top-up)"), text);
        assertFalse(text.contains(KEY) || r.all().contains(KEY));
    }

    @Test
    void statusShowsTheSameEstimateFromTheHistory() throws Exception {
        openAiWithTopUp("$120", "2026-11-19T15:00Z");
        assertEquals(0, cli().run("balance").code());
        JsonNode a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        JsonNode e = a.get("estimatedBalance");
        assertEquals("88.80", e.get("amount").asText(), "a top-up during 19 Nov counts from 20 Nov: 120 − 20.00 − 11.20");
        assertTrue(e.get("basis").get("countedFromNextDay").asBoolean());
        assertEquals("2026-11-20T00:00:00Z", e.get("basis").get("since").asText());
        assertFalse(e.get("stale").asBoolean());
        String text = cli().run("status").out();
        assertTrue(text.contains("≈ $88.80 left (estimated from your $120.00 top-up)"), text);
    }

    @Test
    void spendBeyondTheTopUpIsUsedUpAndAnotherCurrencyGivesNoEstimate() throws Exception {
        openAiWithTopUp("30 USD", "2026-11-19");
        JsonNode e = JSON.readTree(cli().run("balance", "--json").out()).get("accounts").get(0).get("estimatedBalance");
        assertEquals("-11.20", e.get("amount").asText());
        assertEquals("used-up", e.get("state").asText());
        assertTrue(cli().run("balance").out().contains("your estimate is used up, check the console"));

        assertEquals(0, cli().run("accounts", "edit", "openai", "--topup", "100 EUR", "--topup-date", "2026-11-21").code());
        JsonNode none = JSON.readTree(cli().run("balance", "--json").out()).get("accounts").get(0).get("estimatedBalance");
        assertEquals("none", none.get("state").asText());
        assertTrue(none.get("amount").isNull());
        assertTrue(none.get("reason").asText().contains("never converts"), none.toString());
    }

    @Test
    void anAccountWithoutTopUpHasNoEstimateField() throws Exception {
        server.fixture("/v1/organization/costs", 200, "openai/costs.json");
        assertEquals(0, cli().run("accounts", "add", "--provider", "openai", "--base-url", server.baseUrl().toString()).code());
        JsonNode a = JSON.readTree(cli().run("balance", "--json").out()).get("accounts").get(0);
        assertFalse(a.has("estimatedBalance"));
    }

    @Test
    void aSpendOnlyAccountWithATopUpCanHaveAnAlertOnItsEstimate() throws Exception {
        openAiWithTopUp("120.00 USD", "2026-11-19");
        CliRunner.Result r = cli().run("accounts", "edit", "openai", "--threshold", "100");
        assertEquals(0, r.code(), r.all());
        JsonNode a = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0);
        assertEquals("100", a.get("threshold").get("amount").asText());
        assertEquals("USD", a.get("threshold").get("currency").asText());
        assertEquals(2, cli().run("accounts", "edit", "openai", "--threshold", "100 EUR").code());
    }
}
