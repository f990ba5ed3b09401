package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tally history} for spend-only providers, history of providers used with environment keys only, and
 * the one shape of {@code tally status --json}.
 */
class HistoryAndStatusTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COSTS = "/v1/organization/costs";

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-20T09:00:00Z"));
    /** What the fake OpenAI cost API reports as spent this month, in dollars (a JSON number, as OpenAI sends it). */
    private final AtomicReference<String> monthToDate = new AtomicReference<>("0");

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("TALLY_KEYCHAIN", "off").env("OPENAI_ADMIN_KEY", ProviderHarness.CANARY)
                .env("DEEPSEEK_API_KEY", ProviderHarness.CANARY).clock(clock);
    }

    /** The OpenAI costs endpoint with one daily bucket holding the month-to-date figure, as in costs.json. */
    private void serveOpenAiCosts() {
        server.handle(COSTS, ex -> {
            byte[] b = ("{ \"object\": \"page\", \"has_more\": false, \"next_page\": null, \"data\": [ { \"object\": \"bucket\","
                    + " \"start_time\": 1730419200, \"end_time\": 1730505600, \"results\": [ { \"object\": "
                    + "\"organization.costs.result\", \"amount\": { \"value\": " + monthToDate.get() + ", \"currency\": \"usd\" },"
                    + " \"line_item\": null, \"project_id\": null } ] } ] }").getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
    }

    private void fetchOpenAi(String at, String spent) {
        clock.set(Instant.parse(at));
        monthToDate.set(spent);
        CliRunner.Result r = cli().run("balance", "openai-work");
        assertEquals(0, r.code(), r.all());
        assertEquals("", r.err(), "recorded without a warning");
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).isNull() ? null : n.get(field).asText()));
        return out;
    }

    // ------------------------------------------------------------------ spend-only providers

    @Test
    void historyOfASpendOnlyProviderShowsTheReportedMonthToDateSpendAndItsDailyGrowth() throws Exception {
        serveOpenAiCosts();
        assertEquals(0, cli().run("accounts", "add", "--provider", "openai", "--label", "work", "--base-url",
                server.baseUrl().toString()).code());
        fetchOpenAi("2026-11-20T09:00:00Z", "10");
        fetchOpenAi("2026-11-21T09:00:00Z", "12.5");
        fetchOpenAi("2026-11-22T05:00:00Z", "15.25");
        fetchOpenAi("2026-11-22T06:00:00Z", "16");

        CliRunner.Result r = cli().run("history", "openai-work", "--json");
        assertEquals(0, r.code(), r.all());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("openai-work", doc.get("account").asText());
        assertEquals(1, doc.get("currencies").size());
        JsonNode usd = doc.get("currencies").get(0);
        List<String> fields = new ArrayList<>();
        usd.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("currency", "snapshots", "spendTotal", "spendEstimated", "topUps", "daily", "burnRatePerDay",
                "runwayDays"), fields, "the contract's shape");
        assertEquals("USD", usd.get("currency").asText());
        assertEquals(List.of("10.00", "12.50", "15.25", "16.00"), texts(usd.get("snapshots"), "total"),
                "every reported month-to-date figure, exact");
        assertEquals("2026-11-22T06:00:00Z", usd.get("snapshots").get(3).get("at").asText());
        assertEquals("16.00", usd.get("spendTotal").asText(), "this month's spend as the provider reported it");
        assertFalse(usd.get("spendEstimated").asBoolean(), "reported, not estimated");
        assertEquals(0, usd.get("topUps").size());
        assertEquals(List.of("2026-11-16", "2026-11-17", "2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"),
                texts(usd.get("daily"), "date"));
        // the 20th is the first figure of the month, taken mid-month: its 10.00 covers the 1st to the 20th
        assertEquals(java.util.Arrays.asList(null, null, null, null, "0.00", "2.50", "3.50"), texts(usd.get("daily"), "spend"));
        assertTrue(usd.get("burnRatePerDay").isNull() && usd.get("runwayDays").isNull(), "no balance, no runway");

        CliRunner.Result text = cli().run("history", "openai-work");
        assertTrue(text.out().contains("spend         16.00 USD this month (provider-reported, as of 2026-11-22T06:00:00Z)"),
                text.out());
        assertTrue(text.out().contains("2026-11-21    2.50 USD"), text.out());
        assertTrue(text.out().contains("runway        none: OpenAI reports spend, not a balance"), text.out());
        assertFalse(text.out().contains("no history"), text.out());
    }

    @Test
    void theMonthToDateFigureStartsAgainAtTheMonthsStart() throws Exception {
        serveOpenAiCosts();
        assertEquals(0, cli().run("accounts", "add", "--provider", "openai", "--label", "work", "--base-url",
                server.baseUrl().toString()).code());
        fetchOpenAi("2026-11-29T12:00:00Z", "30");
        fetchOpenAi("2026-11-30T20:00:00Z", "40.5");
        fetchOpenAi("2026-12-01T03:00:00Z", "1.2");
        fetchOpenAi("2026-12-02T03:00:00Z", "3");

        JsonNode usd = JSON.readTree(cli().run("history", "openai-work", "--json", "--days", "4").out())
                .get("currencies").get(0);
        assertEquals(List.of("2026-11-29", "2026-11-30", "2026-12-01", "2026-12-02"), texts(usd.get("daily"), "date"));
        assertEquals(List.of("0.00", "10.50", "1.20", "1.80"), texts(usd.get("daily"), "spend"),
                "the drop at the month's start is a reset, not negative spend; the 1st counts from zero");
        assertEquals("3.00", usd.get("spendTotal").asText(), "December's figure, not November's");
    }

    @Test
    void anthropicUsedWithItsEnvironmentKeyHasAHistoryToo() throws Exception {
        server.fixture("/v1/organizations/cost_report", 200, "anthropic/cost-report.json");
        CliRunner c = cli().env("ANTHROPIC_ADMIN_KEY", ProviderHarness.CANARY);
        CliRunner.Result fetch = c.run("balance", "anthropic", "--base-url", server.baseUrl().toString());
        assertEquals(0, fetch.code(), fetch.all());
        JsonNode doc = JSON.readTree(c.run("history", "anthropic", "--json").out());
        assertEquals("anthropic", doc.get("account").asText());
        JsonNode usd = doc.get("currencies").get(0);
        assertEquals("1.2345", usd.get("spendTotal").asText(), "123.45 cents as reported");
        assertEquals(List.of("1.2345"), texts(usd.get("snapshots"), "total"));
    }

    // ------------------------------------------------------------------ keys from the environment only

    private void serveDeepSeek(String total) {
        server.json("/user/balance", 200, "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\""
                + total + "\",\"granted_balance\":\"0.00\",\"topped_up_balance\":\"" + total + "\"}]}");
    }

    @Test
    void aProviderUsedOnlyThroughItsEnvironmentKeyIsRecordedAndFound() throws Exception {
        serveDeepSeek("100.00");
        CliRunner.Result first = cli().run("balance", "deepseek", "--base-url", server.baseUrl().toString());
        assertEquals(0, first.code(), first.all());
        clock.advance(java.time.Duration.ofMinutes(5));
        serveDeepSeek("90.00");
        assertEquals(0, cli().run("balance", "deepseek", "--base-url", server.baseUrl().toString()).code());
        clock.advance(java.time.Duration.ofMinutes(2));

        CliRunner.Result status = cli().run("status");
        assertEquals(0, status.code(), status.all());
        assertEquals("DeepSeek (from DEEPSEEK_API_KEY): 90.00 CNY (paid 90.00, granted 0.00) — 2 min ago", status.out().strip());
        assertFalse(status.err().contains("No accounts yet"), status.err());
        JsonNode a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        assertEquals("deepseek", a.get("id").asText());
        assertEquals("DeepSeek (from DEEPSEEK_API_KEY)", a.get("label").asText());
        assertEquals("90.00", a.get("balances").get(0).get("total").asText());

        CliRunner.Result history = cli().run("history", "deepseek", "--json");
        assertEquals(0, history.code(), history.all());
        JsonNode cny = JSON.readTree(history.out()).get("currencies").get(0);
        assertEquals(List.of("100.00", "90.00"), texts(cny.get("snapshots"), "total"));
        assertEquals("10.00", cny.get("spendTotal").asText());
        assertTrue(cli().run("history", "deepseek").out().startsWith("DeepSeek (from DEEPSEEK_API_KEY) — CNY"));
    }

    @Test
    void aFailedCheckOfAnUnusedProviderLeavesNothingBehind() {
        server.json("/user/balance", 401, "{\"error\":{\"message\":\"Authentication Fails\"}}");
        assertEquals(1, cli().run("balance", "deepseek", "--base-url", server.baseUrl().toString()).code());
        CliRunner.Result status = cli().run("status");
        assertEquals("", status.out());
        assertTrue(status.err().contains("No accounts yet"), status.err());
        CliRunner.Result history = cli().run("history", "deepseek");
        assertEquals(2, history.code());
        assertTrue(history.err().contains("no account 'deepseek'") && history.err().contains("nothing recorded from "
                + "DEEPSEEK_API_KEY yet either ('tally balance deepseek' records it)"), history.err());
    }

    @Test
    void aConfiguredAccountOfTheProviderReplacesTheEnvironmentEntryInStatus() throws Exception {
        serveDeepSeek("100.00");
        assertEquals(0, cli().run("balance", "deepseek", "--base-url", server.baseUrl().toString()).code());
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "ds", "--base-url",
                server.baseUrl().toString()).code());
        JsonNode accounts = JSON.readTree(cli().run("status", "--json").out()).get("accounts");
        assertEquals(List.of("deepseek-ds"), texts(accounts, "id"));
        assertEquals(0, cli().run("history", "deepseek").code(), "what was recorded stays readable");
    }

    // ------------------------------------------------------------------ status --json

    @Test
    void statusJsonGivesEveryAccountTheSameFieldsInTheSameOrder() throws Exception {
        serveDeepSeek("100.00");
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "ds", "--base-url",
                server.baseUrl().toString()).code());
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "never", "--base-url",
                server.baseUrl().toString()).code());
        assertEquals(0, cli().run("balance", "deepseek-ds").code());

        JsonNode accounts = JSON.readTree(cli().run("status", "--json").out()).get("accounts");
        assertEquals(2, accounts.size());
        List<List<String>> shapes = new ArrayList<>();
        for (JsonNode a : accounts) {
            List<String> names = new ArrayList<>();
            a.fieldNames().forEachRemaining(names::add);
            shapes.add(names);
        }
        assertEquals(List.of("id", "provider", "label", "status", "message", "available", "balances", "spend", "keyLimit",
                "source", "health", "stale", "lastSuccessAt", "ageSeconds", "threshold", "low", "empty"), shapes.get(0),
                "issue 14 adds threshold, low and empty");
        assertEquals(shapes.get(0), shapes.get(1), "an account never fetched has the same fields");
        JsonNode never = accounts.get(1);
        assertEquals("deepseek-never", never.get("id").asText());
        for (String unknown : List.of("status", "message", "available", "spend", "keyLimit", "lastSuccessAt", "ageSeconds")) {
            assertTrue(never.get(unknown).isNull(), unknown + " is null when unknown: " + never);
        }
        assertEquals(0, never.get("balances").size());
        assertEquals("history", never.get("source").asText());
        assertTrue(accounts.get(0).get("available").asBoolean());
    }
}
