package dev.tally.cli;

import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Promtool;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally status --format prometheus}: the history as a textfile for node_exporter. */
@Slow
class MetricsCliTest {
    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("TALLY_KEYCHAIN", "off").env("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
    }

    @Test
    void statusAsPrometheusTextPassesPromtool() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "ds", "--threshold", "50 CNY",
                "--base-url", server.baseUrl().toString()).code());
        assertEquals(0, cli().run("balance").code());
        CliRunner.Result r = cli().run("status", "--format", "prometheus");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().lines().anyMatch(
                "tally_balance{account=\"deepseek-ds\",provider=\"deepseek\",currency=\"CNY\"} 110.00"::equals), r.out());
        assertTrue(r.out().lines().anyMatch(
                "tally_threshold{account=\"deepseek-ds\",provider=\"deepseek\",currency=\"CNY\"} 50"::equals), r.out());
        assertTrue(r.out().lines().anyMatch("tally_up{account=\"deepseek-ds\"} 1"::equals), r.out());
        assertFalse(r.all().contains("CANARY"));
        Promtool.checkMetrics(r.out());

        CliRunner.Result bad = cli().run("status", "--format", "yaml");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("text, json or prometheus"), bad.err());
    }
}
