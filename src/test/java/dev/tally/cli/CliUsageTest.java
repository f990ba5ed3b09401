package dev.tally.cli;

import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small usage rules a person notices at the prompt: exit code 2 with one clear line, no silent guesses. */
class CliUsageTest {
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

    @Test
    void aPortOutOfRangeIsAUsageErrorNotANetworkError() {
        CliRunner.Result r = cli().run("balance", "deepseek", "--base-url", "https://127.0.0.1:99999");
        assertEquals(2, r.code(), r.all());
        assertEquals("tally: --base-url: the port in the base URL must be between 1 and 65535, got 99999 in"
                + " 'https://127.0.0.1:99999'", r.err().strip());
        assertFalse(r.all().contains("Exception"), r.all());
        assertEquals(2, cli().run("accounts", "add", "--provider", "deepseek", "--base-url", "https://127.0.0.1:0").code());
        assertFalse(Files.exists(home.resolve("accounts.json")));
    }

    @Test
    void keysAndAccountsWithoutASubcommandShowTheirUsageAndExitTwo() {
        CliRunner.Result keys = cli().run("keys");
        assertEquals(2, keys.code());
        assertTrue(keys.err().startsWith("tally keys: say what to do: set, delete or status"), keys.err());
        assertTrue(keys.err().contains("Usage: tally keys"), keys.err());
        assertEquals("", keys.out());
        CliRunner.Result accounts = cli().run("accounts");
        assertEquals(2, accounts.code());
        assertTrue(accounts.err().startsWith("tally accounts: say what to do: add, list, edit or remove"), accounts.err());
        assertTrue(accounts.err().contains("Usage: tally accounts"), accounts.err());
        assertEquals(0, cli().run("accounts", "--help").code(), "asking for help is not an error");
    }

    @Test
    void aNameGivenTwiceIsFetchedOnce() {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        String url = server.baseUrl().toString();
        CliRunner.Result added = cli().run("accounts", "add", "--provider", "deepseek", "--label", "w", "--base-url", url);
        assertEquals(0, added.code(), added.err());
        CliRunner.Result r = cli().run("balance", "deepseek-w", "deepseek-w", "deepseek");
        assertEquals(0, r.code(), r.err());
        assertEquals("DeepSeek (w): 110.00 CNY (paid 100.00, granted 10.00)", r.out().strip());
        assertEquals(1, server.requests().size());
    }

    @Test
    void anEmptyHomeIsAUsageErrorNotTheUsualFolders() {
        CliRunner.Result r = new CliRunner(home).run("--home", "", "accounts", "list");
        assertEquals(2, r.code(), r.all());
        assertTrue(r.err().startsWith("tally: --home is empty; give a folder"), r.err());
        assertEquals(2, new CliRunner(home).run("balance", "--home", " ").code());
        assertEquals(2, new CliRunner(home).run("--home", "").code());
    }
}
