package dev.tally.cli;

import dev.tally.engine.SummaryFile;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally status --short} and {@code --format}: from the history, or from the running engine's summary file. */
class StatusShortTest {
    private static final String BALANCE = "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\","
            + "\"total_balance\":\"100.00\",\"granted_balance\":\"0.00\",\"topped_up_balance\":\"100.00\"}]}";

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private Process child;

    @AfterEach
    void stop() throws InterruptedException {
        server.close();
        if (child != null) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private CliRunner cli() {
        return new CliRunner(home).env("DEEPSEEK_API_KEY", ProviderHarness.CANARY).env("TALLY_KEYCHAIN", "off");
    }

    private CliRunner later(long seconds) {
        return cli().clock(Clock.fixed(ProviderHarness.NOW.plusSeconds(seconds), ZoneOffset.UTC));
    }

    private void account(String label, String threshold) {
        server.json("/user/balance", 200, BALANCE);
        CliRunner.Result r = cli().run("accounts", "add", "--provider", "deepseek", "--label", label,
                "--base-url", server.baseUrl().toString(), "--threshold", threshold);
        assertEquals(0, r.code(), r.all());
    }

    @Test
    void shortPrintsTheWorstStateHowManyTheLowestBalanceAndTheAge() {
        account("ds", "200 CNY");
        assertEquals(0, cli().run("balance").code());
        CliRunner.Result r = later(120).run("status", "--short");
        assertEquals(0, r.code(), r.all());
        assertEquals("⚠ 1 · ¥100.00 · 2m\n", r.out(), "below its 200 CNY threshold: low, fetched 2 minutes ago");
    }

    @Test
    void shortWithoutAnyBalanceYetSaysPendingAndNoAmount() {
        account("ds", "5 CNY");
        CliRunner.Result r = cli().run("status", "--short");
        assertEquals("… 1\n", r.out(), r.all());
    }

    @Test
    void formatPrintsTheTemplateOncePerAccount() {
        account("ds", "5 CNY");
        assertEquals(0, cli().run("balance").code());
        CliRunner.Result r = later(30).run("status", "--format", "{label} {amount} {state} {age} {number} {currency}");
        assertEquals(0, r.code(), r.all());
        assertEquals("DeepSeek (ds) ¥100.00 live 30s 100.00 CNY\n", r.out());
    }

    @Test
    void anUnknownPlaceholderOrTwoOutputModesAreUsageErrors() {
        CliRunner.Result bad = cli().run("status", "--format", "{label} {balance}");
        assertEquals(Cli.USAGE, bad.code());
        assertTrue(bad.err().contains("unknown placeholder {balance} in --format; use {id}, {label}"), bad.err());
        CliRunner.Result both = cli().run("status", "--short", "--json");
        assertEquals(Cli.USAGE, both.code());
        assertTrue(both.err().contains("--json, --short and --format do not go together"), both.err());
    }

    @Test
    @Slow
    void whileWatchRunsShortAndFormatReadTheSummaryFileWhichHoldsNoKey() throws Exception {
        account("ds", "5 CNY");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.tally.launcher.Main", "watch");
        pb.environment().put("TALLY_HOME", home.toString());
        pb.environment().put("TALLY_KEYCHAIN", "off");
        pb.environment().put("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
        pb.redirectError(home.resolve("watch.err").toFile());
        child = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String polled = out.readLine();
        assertTrue(polled != null && polled.contains("100.00 CNY"), "the watch polled: " + polled);
        Path file = home.resolve(SummaryFile.FILE_NAME);
        List<String> lines = List.of();
        for (int i = 0; i < 100 && !(lines.size() == 3 && lines.get(2).contains("100.00")); i++) {
            Thread.sleep(50);
            lines = Files.exists(file) ? Files.readAllLines(file) : List.of();
        }
        assertEquals(3, lines.size(), "short line, engine line, one account: " + lines);
        assertTrue(lines.get(0).startsWith("✓ 1 · ¥100.00 · "), lines.get(0));
        assertEquals("engine\t" + child.pid(), lines.get(1).substring(0, lines.get(1).lastIndexOf('\t')));
        assertTrue(lines.get(2).startsWith("account\tdeepseek-ds\tlive\t100.00\tCNY\t"), lines.get(2));
        assertTrue(lines.get(2).endsWith("\tdeepseek\tDeepSeek (ds)"), lines.get(2));
        assertFalse(Files.readString(file).contains(ProviderHarness.CANARY), "no key in the summary file");
        assertFalse(Files.exists(home.resolve(SummaryFile.FILE_NAME + ".tmp")), "written through a moved temporary file");

        // the command line answers from the file while the engine runs: a value only the file has shows
        Files.writeString(file, String.join("\n", lines.get(0), lines.get(1),
                lines.get(2).replace("\t100.00\tCNY\t", "\t1.23\tCNY\t")) + "\n");
        assertEquals("✓ 1 · ¥1.23", cli().run("status", "--short").out().replaceAll(" · [^·]*\n$", ""));
        assertEquals("DeepSeek (ds) ¥1.23\n", cli().run("status", "--format", "{label} {amount}").out());

        // a file left behind by an engine that died is not believed: the history answers
        child.destroyForcibly();
        child.waitFor(10, TimeUnit.SECONDS);
        assertEquals("DeepSeek (ds) ¥100.00\n", cli().run("status", "--format", "{label} {amount}").out());
    }

    @Test
    @Slow
    void watchRemovesTheSummaryFileWhenItStops() throws Exception {
        account("ds", "5 CNY");
        CliRunner.Result r = cli().run("watch", "--stop-after", "1");
        assertEquals(0, r.code(), r.all());
        assertTrue(r.out().contains("100.00 CNY"), r.out());
        assertFalse(Files.exists(home.resolve(SummaryFile.FILE_NAME)), "no engine runs: no summary file");
    }
}
