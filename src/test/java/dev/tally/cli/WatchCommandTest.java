package dev.tally.cli;

import dev.tally.testing.Slow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.engine.EngineLock;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally watch}: one engine per home, the wait it states after a failure, and its options. */
@Slow
class WatchCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private void deepseekAccount() {
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "ds",
                "--base-url", server.baseUrl().toString()).code());
    }

    private long balanceRequests() {
        return server.requests().stream().filter(r -> r.path().equals("/user/balance")).count();
    }

    /** A real second process running {@code tally watch} on the same home; returns once it has polled. */
    private Process watchInChildProcess() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.tally.launcher.Main", "watch");
        pb.environment().put("TALLY_HOME", home.toString());
        pb.environment().put("TALLY_KEYCHAIN", "off");
        pb.environment().put("DEEPSEEK_API_KEY", ProviderHarness.CANARY);
        File err = home.resolve("first-watch.err").toFile();
        pb.redirectError(err);
        child = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.contains("100.00 CNY"), "the first watch polled: " + line);
        return child;
    }

    @Test
    void aSecondWatchOnTheSameHomeRefusesToStartAndNamesTheFirst() throws Exception {
        server.json("/user/balance", 200, BALANCE);
        deepseekAccount();
        Process first = watchInChildProcess();
        long before = balanceRequests();

        CliRunner.Result second = cli().run("watch", "--stop-after", "2");

        assertEquals(1, second.code(), second.all());
        assertEquals("", second.out(), "the refused watch polls nothing and prints no balance");
        assertEquals(1, second.err().lines().count(), "one line: " + second.err());
        assertTrue(second.err().contains("another 'tally watch' (pid " + first.pid() + ") is already polling the accounts in "
                + home), second.err());
        assertTrue(second.err().contains("Ctrl-C") && second.err().contains("kill " + first.pid()), second.err());
        assertEquals(before, balanceRequests(), "no second set of requests");

        first.destroy();
        assertTrue(first.waitFor(10, TimeUnit.SECONDS));
        CliRunner.Result after = cli().run("watch", "--stop-after", "1");
        assertEquals(0, after.code(), "once the first watch is gone the next one runs: " + after.all());
        assertTrue(after.out().contains("100.00 CNY"), after.out());
    }

    @Test
    void watchRefusesWhileTheWidgetPollsTheSameHome() throws Exception {
        server.json("/user/balance", 200, BALANCE);
        deepseekAccount();
        EngineLock.Held widget = assertInstanceOf(EngineLock.Held.class, EngineLock.claim(home, EngineLock.Role.WIDGET));
        try {
            CliRunner.Result r = cli().run("watch", "--stop-after", "1");
            assertEquals(1, r.code(), r.all());
            assertTrue(r.err().contains("the Tally widget (pid " + ProcessHandle.current().pid() + ") is already polling"),
                    r.err());
            assertTrue(r.err().contains("quit it from its tray menu (Quit)"), r.err());
            assertEquals(0, balanceRequests(), "nothing polled twice");
        } finally {
            widget.lock().close();
        }
        assertEquals(0, cli().run("watch", "--stop-after", "1").code(), "the widget quit: watch runs");
    }

    @Test
    void twoWatchesInOneProcessCannotBothRun() throws Exception {
        server.json("/user/balance", 200, BALANCE);
        deepseekAccount();
        EngineLock.Held watch = assertInstanceOf(EngineLock.Held.class, EngineLock.claim(home, EngineLock.Role.WATCH));
        try {
            EngineLock.Busy widget = assertInstanceOf(EngineLock.Busy.class, EngineLock.claim(home, EngineLock.Role.WIDGET));
            assertEquals(EngineLock.Role.WATCH, widget.holder());
            String why = widget.message(EngineLock.Role.WIDGET);
            assertTrue(why.contains("another 'tally watch'") && why.endsWith("and start Tally again"), why);
        } finally {
            watch.lock().close();
        }
        assertFalse(Files.exists(home.resolve(EngineLock.OWNER_FILE)), "a stopped engine leaves no owner behind");
    }

    @Test
    void stopAfterMustBeAtLeastOneSecond() {
        server.json("/user/balance", 200, BALANCE);
        deepseekAccount();
        for (String bad : new String[] {"-1", "0"}) {
            CliRunner.Result r = cli().run("watch", "--stop-after", bad);
            assertEquals(2, r.code(), "usage error for " + bad + ": " + r.all());
            assertTrue(r.err().contains("--stop-after must be at least 1 second, got " + bad), r.err());
        }
        assertEquals(0, balanceRequests());
    }

    /** The seconds in "next try in N s" of the watch line about the rate limit. */
    private static Matcher nextTry(String out) {
        Matcher m = Pattern.compile("rate limited — .* — next try in (\\d+) (s|min)").matcher(out);
        assertTrue(m.find(), out);
        return m;
    }

    @Test
    void afterARateLimitWatchStatesTheWaitItPlannedNotTheProvidersRetryAfter() {
        // the poller waits at least its backoff (30 s ±10 %) even when the provider asks for 7 s
        server.reply("/user/balance", 429, "{\"error\":{\"message\":\"slow down\"}}",
                Map.of("Content-Type", "application/json", "Retry-After", "7"), Duration.ZERO);
        deepseekAccount();
        CliRunner.Result r = cli().run("watch", "--stop-after", "2");
        assertFalse(r.out().contains("retry in 7 s"), r.out());
        Matcher m = nextTry(r.out());
        int seconds = Integer.parseInt(m.group(1));
        assertEquals("s", m.group(2));
        assertTrue(seconds >= 27 && seconds <= 33, "backoff 30 s ±10 %: " + r.out());
    }

    @Test
    void aLongerRetryAfterIsTheWaitWatchStates() {
        server.reply("/user/balance", 429, "", Map.of("Retry-After", "600"), Duration.ZERO);
        deepseekAccount();
        CliRunner.Result r = cli().run("watch", "--stop-after", "2");
        Matcher m = nextTry(r.out());
        assertEquals("min", m.group(2), r.out());
        int minutes = Integer.parseInt(m.group(1));
        assertTrue(minutes == 10 || minutes == 11, "600 s plus up to 10 %: " + r.out());
    }

    @Test
    void aRetryAfterDateInThePastIsNotShownAsRetryInZeroSeconds() throws Exception {
        server.reply("/user/balance", 429, "", Map.of("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT"), Duration.ZERO);
        deepseekAccount();
        CliRunner.Result text = cli().run("balance", "deepseek-ds");
        assertEquals(1, text.code());
        assertTrue(text.out().contains("rate limited"), text.out());
        assertFalse(text.out().contains("retry in 0 s"), text.out());
        JsonNode a = JSON.readTree(cli().run("balance", "deepseek-ds", "--json").out()).get("accounts").get(0);
        assertEquals("rate_limited", a.get("status").asText());
        assertFalse(a.get("message").asText().contains("retry in 0 s"), a.toString());

        CliRunner.Result watch = cli().run("watch", "--stop-after", "2");
        assertFalse(watch.out().contains("retry in 0 s"), watch.out());
        assertTrue(Integer.parseInt(nextTry(watch.out()).group(1)) >= 27, watch.out());
    }

    @Test
    void aRetryAfterInSecondsIsStillShownByBalance() {
        server.reply("/user/balance", 429, "", Map.of("Retry-After", "120"), Duration.ZERO);
        deepseekAccount();
        CliRunner.Result text = cli().run("balance", "deepseek-ds");
        assertTrue(text.out().contains("retry in 120 s"), "a one-off check passes on what the provider asked: " + text.out());
    }
}
