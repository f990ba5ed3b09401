package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Scripts;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally hooks} and the hooks {@code tally watch} runs for its alerts. */
@Slow
class HooksCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path bin;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("TALLY_KEYCHAIN", "off").env("DEEPSEEK_API_KEY", ProviderHarness.CANARY)
                .env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    @Test
    void addListRemove() {
        CliRunner.Result add = cli().run("hooks", "add", "low_balance", "--", "notify-send", "Tally", "balance low");
        assertEquals(0, add.code(), add.all());
        assertEquals(0, cli().run("hooks", "add", "recovered", "--", "/usr/local/bin/close-ticket").code());
        CliRunner.Result list = cli().run("hooks", "list");
        assertEquals("1  low_balance: notify-send Tally balance low\n2  recovered: /usr/local/bin/close-ticket\n", list.out());
        assertEquals(0, cli().run("hooks", "remove", "1").code());
        assertEquals("1  recovered: /usr/local/bin/close-ticket\n", cli().run("hooks", "list").out());
        CliRunner.Result bad = cli().run("hooks", "add", "low_money", "--", "true");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("low_balance, exhausted, key_rejected, recovered, fetch_failed"), bad.err());
        assertEquals(2, cli().run("hooks", "remove", "7").code());
        assertEquals(2, cli().run("hooks", "add", "exhausted").code());
    }

    @Test
    void watchRunsTheHookOncePerAlertAndAFailingHookDoesNotStopPolling() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        CliRunner.Result added = cli().run("accounts", "add", "--provider", "deepseek", "--label", "ds", "--threshold",
                "500 CNY", "--base-url", server.baseUrl().toString());
        assertEquals(0, added.code(), added.all());
        Path record = Scripts.write(bin, "record", "cat >> " + bin.resolve("stdin.json") + "; env > " + bin.resolve("env.txt")
                + "; echo run >> " + bin.resolve("runs") + "; echo hook-was-here");
        assertEquals(0, cli().run("hooks", "add", "low_balance", "--", Scripts.write(bin, "fails", "exit 1").toString()).code());
        assertEquals(0, cli().run("hooks", "add", "low_balance", "--", record.toString()).code());

        CliRunner.Result watch = cli().run("watch", "--stop-after", "4");
        assertEquals(0, watch.code(), watch.all());
        assertTrue(watch.out().contains("ALERT"), watch.out());
        assertTrue(watch.out().contains("110.00 CNY"), "polling went on: " + watch.out());
        assertEquals(1, Scripts.count(bin.resolve("runs")), "one alert, one run");
        JsonNode event = JSON.readTree(Files.readString(bin.resolve("stdin.json")));
        assertEquals("low_balance", event.get("event").asText());
        assertEquals("deepseek-ds", event.get("account").asText());
        assertEquals("110.00", event.get("amount").asText());
        assertEquals("500", event.get("threshold").asText());
        String env = Files.readString(bin.resolve("env.txt"));
        assertTrue(env.contains("TALLY_AMOUNT=110.00"), env);
        assertFalse(env.contains(ProviderHarness.CANARY), "the key in Tally's environment never reaches a hook");
        assertFalse(Files.readString(bin.resolve("stdin.json")).contains("CANARY"));
        try (Stream<Path> logs = Files.list(home.resolve("logs"))) {
            String all = logs.map(p -> {
                try {
                    return Files.readString(p);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).reduce("", String::concat);
            assertTrue(all.contains("says: hook-was-here"), "the hook's output is in the log");
            assertTrue(all.contains("failed (exit 1)"), "the failing hook is in the log");
        }

        // the next watch does not announce the same low balance again
        assertEquals(0, cli().run("watch", "--stop-after", "3").code());
        assertEquals(1, Scripts.count(bin.resolve("runs")));
    }
}
