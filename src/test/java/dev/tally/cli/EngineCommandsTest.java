package dev.tally.cli;

import dev.tally.testing.Slow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ManualClock;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally balance} recording history, {@code tally history}, {@code tally status} and {@code tally watch}. */
@Slow
class EngineCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();
    private final AtomicReference<String> balance = new AtomicReference<>("100.00");
    private final ManualClock clock = new ManualClock(ProviderHarness.NOW);

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home).env("DEEPSEEK_API_KEY", ProviderHarness.CANARY).env("TALLY_KEYCHAIN", "off").clock(clock);
    }

    private void deepseekAccount(String threshold) {
        server.handle("/user/balance", ex -> {
            byte[] b = ("{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"" + balance.get()
                    + "\",\"granted_balance\":\"0.00\",\"topped_up_balance\":\"" + balance.get() + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        List<String> args = new java.util.ArrayList<>(List.of("accounts", "add", "--provider", "deepseek", "--label", "ds",
                "--base-url", server.baseUrl().toString()));
        if (threshold != null) {
            args.addAll(List.of("--threshold", threshold));
        }
        assertEquals("deepseek-ds", cli().run(args.toArray(String[]::new)).out().strip());
    }

    @Test
    void fourBalancesGiveSpendTwentyAndOneTopUpOfSixty() throws Exception {
        deepseekAccount(null);
        for (String b : List.of("100.00", "90.00", "150.00", "140.00")) {
            balance.set(b);
            assertEquals(0, cli().run("balance", "deepseek-ds").code());
            clock.advance(Duration.ofMinutes(5));
        }
        CliRunner.Result r = cli().run("history", "deepseek-ds", "--json");
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals("deepseek-ds", doc.get("account").asText());
        JsonNode cny = doc.get("currencies").get(0);
        assertEquals("CNY", cny.get("currency").asText());
        assertEquals(0, new BigDecimal("20").compareTo(new BigDecimal(cny.get("spendTotal").asText())), cny.toString());
        assertTrue(cny.get("spendEstimated").asBoolean());
        assertEquals(1, cny.get("topUps").size());
        assertEquals(0, new BigDecimal("60").compareTo(new BigDecimal(cny.get("topUps").get(0).get("amount").asText())));
        assertEquals(4, cny.get("snapshots").size());
        assertEquals("140.00", cny.get("snapshots").get(3).get("total").asText());
        for (JsonNode d : cny.get("daily")) {
            if (!d.get("spend").isNull()) {
                assertTrue(new BigDecimal(d.get("spend").asText()).signum() >= 0, "no negative spend: " + d);
            }
        }
        assertTrue(cny.get("runwayDays").isNull(), "under a day of data: no runway");
        CliRunner.Result text = cli().run("history", "deepseek-ds");
        assertTrue(text.out().contains("top-up        +60.00 CNY"), text.out());
        assertTrue(text.out().contains("estimated"), text.out());
    }

    @Test
    void statusShowsLastKnownStateWithAgeAndStaleFlagWithoutNetwork() throws Exception {
        deepseekAccount(null);
        cli().run("balance", "deepseek-ds");
        server.close();
        clock.advance(Duration.ofMinutes(3));
        JsonNode a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        assertEquals("live", a.get("health").asText());
        assertFalse(a.get("stale").asBoolean());
        assertEquals(180, a.get("ageSeconds").asInt());
        assertEquals("100.00", a.get("balances").get(0).get("total").asText());
        assertEquals("history", a.get("source").asText());
        clock.advance(Duration.ofMinutes(30));
        a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        assertEquals("stale", a.get("health").asText());
        assertTrue(a.get("stale").asBoolean());
        CliRunner.Result failed = cli().run("balance", "deepseek-ds");
        assertEquals(1, failed.code());
        a = JSON.readTree(cli().run("status", "--json").out()).get("accounts").get(0);
        assertEquals("error", a.get("health").asText());
        assertEquals("network_error", a.get("status").asText());
        assertEquals("100.00", a.get("balances").get(0).get("total").asText(), "a failure never erases the last good value");
        String text = cli().run("status").out();
        assertTrue(text.contains("100.00 CNY") && text.contains("[stale]") && text.contains("last check failed"), text);
    }

    @Test
    void watchPollsRecordsAndAlertsOnce() throws Exception {
        deepseekAccount("150 CNY");
        CliRunner watcher = new CliRunner(home).env("DEEPSEEK_API_KEY", ProviderHarness.CANARY).env("TALLY_KEYCHAIN", "off");
        CliRunner.Result r = watcher.run("watch", "--stop-after", "3");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("DeepSeek (ds): 100.00 CNY"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("ALERT")).count(), r.out());
        assertTrue(r.out().contains("¥100.00 left — below your ¥150.00 alert") || r.out().contains("below"), r.out());
        assertTrue(r.err().contains("Stopped."), r.err());
        CliRunner.Result again = watcher.run("watch", "--stop-after", "3");
        assertEquals(0, again.out().lines().filter(l -> l.contains("ALERT")).count(), "a relaunch does not re-announce: " + again.out());
        JsonNode h = JSON.readTree(watcher.run("history", "deepseek-ds", "--json").out());
        assertEquals("100.00", h.get("currencies").get(0).get("snapshots").get(0).get("total").asText(), "watch records history");

        clock.advance(Duration.ofMinutes(5));
        balance.set("99.00");
        assertEquals(0, cli().run("balance", "deepseek-ds").code());
        List<String> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("history.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT total, source FROM snapshot ORDER BY at")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        assertEquals(List.of("100.00 poll", "99.00 cli"), rows, "the file says who fetched each balance");
    }

    @Test
    void ctrlCStopsWatchCleanly() throws Exception {
        deepseekAccount(null);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.tally.launcher.Main", "watch");
        pb.environment().put("TALLY_HOME", home.toString());
        pb.environment().put("TALLY_KEYCHAIN", "off");
        pb.environment().put("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
        File err = home.resolve("watch.err").toFile();
        pb.redirectError(err);
        Process p = pb.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertTrue(line != null && line.contains("100.00 CNY"), "first poll printed: " + line);
            p.destroy();
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "watch stopped on SIGTERM/Ctrl-C");
        } finally {
            p.destroyForcibly();
        }
        String stderr = Files.readString(err.toPath());
        assertTrue(stderr.contains("Stopped."), stderr);
        assertFalse(stderr.contains("Exception"), stderr);
    }
}
