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

/** Issue 14's command line: marks, grouping, --plain, schemaVersion, status levels, suggestions, columns, times. */
class CommandLinePolishTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
    }

    private static String balance(String total) {
        return "{\"is_available\": true, \"balance_infos\": [{\"currency\": \"CNY\", \"total_balance\": \"" + total
                + "\", \"granted_balance\": \"0.00\", \"topped_up_balance\": \"" + total + "\"}]}";
    }

    private void account(String label, String threshold) {
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "deepseek", "--label", label, "--base-url",
                server.baseUrl().toString(), "--threshold", threshold);
        assertEquals(0, r.code(), r.err());
    }

    @Test
    void aBalanceBelowItsAlertIsMarkedLowAndAtZeroEmpty() throws Exception {
        server.json("/user/balance", 200, balance("3.10"));
        account("w", "5 CNY");
        CliRunner.Result low = cli().run("balance");
        assertEquals("DeepSeek (w): 3.10 CNY LOW (paid 3.10, granted 0.00)", low.out().strip());
        assertEquals("DeepSeek (w): 3.10 CNY (paid 3.10, granted 0.00)", cli().run("balance", "--plain").out().strip(),
                "--plain keeps the plain form");
        JsonNode a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        assertTrue(a.get("low").asBoolean());
        assertFalse(a.get("empty").asBoolean());
        assertEquals("5", a.get("threshold").get("amount").asText());
        assertEquals("CNY", a.get("threshold").get("currency").asText());
        assertTrue(cli().run("status").out().contains("3.10 CNY LOW"));

        server.json("/user/balance", 200, balance("0.00"));
        assertTrue(cli().run("balance").out().startsWith("DeepSeek (w): 0.00 CNY EMPTY"));
        a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        assertTrue(a.get("empty").asBoolean() && a.get("low").asBoolean(), a.toString());
    }

    @Test
    void thousandsAreGroupedInTextOnlyAndEveryDocumentHasItsVersion() throws Exception {
        server.json("/user/balance", 200, balance("12345.60"));
        account("w", "5 CNY");
        assertEquals("DeepSeek (w): 12,345.60 CNY (paid 12,345.60, granted 0.00)", cli().run("balance").out().strip());
        assertEquals("DeepSeek (w): 12345.60 CNY (paid 12345.60, granted 0.00)", cli().run("balance", "--plain").out().strip());
        JsonNode doc = JSON.readTree(cli().run("balance", "--json").out());
        assertEquals(1, doc.get("schemaVersion").asInt());
        assertEquals("12345.60", doc.get("accounts").get(0).get("balances").get(0).get("total").asText());
        for (List<String> args : List.of(List.of("status", "--json"), List.of("accounts", "list", "--json"),
                List.of("keys", "status", "--json"), List.of("history", "deepseek-w", "--json"))) {
            JsonNode d = JSON.readTree(new CliRunner(home).env("TALLY_KEYCHAIN", "off").run(args.toArray(String[]::new)).out());
            assertEquals(1, d.get("schemaVersion").asInt(), args + ": " + d);
            assertEquals("schemaVersion", d.fieldNames().next(), "the first field");
        }
        JsonNode status = JSON.readTree(cli().run("status", "--json").out());
        assertFalse(status.has("checkedAt"), "status checks nothing");
    }

    @Test
    void aMistypedCommandOrOptionGetsTheNearestName() {
        CliRunner.Result r = cli().run("balanse");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("did you mean 'balance'?"), r.err());
        CliRunner.Result o = cli().run("balance", "--jsno");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("unknown option '--jsno'; did you mean '--json'?"), o.err());
        CliRunner.Result p = cli().run("balance", "deepsek");
        assertEquals(2, p.code());
        assertTrue(p.err().contains("did you mean 'deepseek'?"), p.err());
        assertFalse(cli().run("xyzzyq").err().contains("did you mean"), "no wild guesses");
    }

    @Test
    void accountsListAlignsItsColumnsByDisplayWidth() {
        account("w", "5 CNY");
        account("工作", "5 CNY");
        List<String> lines = cli().env("TALLY_KEYCHAIN", "off").run("accounts", "list").out().lines().toList();
        assertEquals(2, lines.size(), lines.toString());
        int first = Columns.width(lines.get(0).substring(0, lines.get(0).indexOf("[deepseek]")));
        int second = Columns.width(lines.get(1).substring(0, lines.get(1).indexOf("[deepseek]")));
        assertEquals(first, second, "the provider column starts at the same place: " + lines);
    }

    @Test
    void accountsAddTakesAKnownTopUp() throws Exception {
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "openai", "--topup", "120 USD", "--topup-date",
                "2026-11-19");
        assertEquals(0, r.code(), r.err());
        JsonNode a = JSON.readTree(cli().run("accounts", "list", "--json").out()).get("accounts").get(0);
        assertEquals("120", a.get("topUps").get(0).get("amount").asText(), a.toString());
        assertEquals("2026-11-19T00:00:00Z", a.get("topUps").get(0).get("at").asText());
        assertEquals(2, cli().run("accounts", "add", "--provider", "openai", "--topup-date", "2026-11-19").code());
    }

    @Test
    void aRelayGivenByBaseUrlIsNotReportedMissing() {
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "newapi", "--base-url", "https://relay.example.com/v1");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.err().contains("warning"), r.err());
        CliRunner.Result l = cli().run("accounts", "add", "--provider", "litellm", "--base-url", "https://proxy.example.com");
        assertFalse(l.err().contains("warning"), l.err());
        CliRunner.Result none = cli().run("accounts", "add", "--provider", "newapi", "--label", "other");
        assertTrue(none.err().contains("warning"), "without a URL the warning stays: " + none.err());
    }

    @Test
    void historyShowsLocalTimesWithTheOffsetOrUtc() {
        server.json("/user/balance", 200, balance("10.00"));
        account("w", "5 CNY");
        cli().run("balance");
        String local = cli().env("TZ", "Asia/Shanghai").run("history", "deepseek-w").out();
        assertTrue(local.contains("(2026-11-22T13:00:00+08:00)"), local);
        String utc = cli().env("TZ", "Asia/Shanghai").run("history", "deepseek-w", "--utc").out();
        assertTrue(utc.contains("(2026-11-22T05:00:00Z)"), utc);
    }
}
