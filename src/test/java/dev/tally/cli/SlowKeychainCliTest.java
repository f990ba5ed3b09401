package dev.tally.cli;

import dev.tally.testing.Slow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.secret.PrivateBus;
import dev.tally.secret.SlowBus;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line against a real gnome-keyring that answers late (a D-Bus socket holding requests back until the
 * test lets them through): a command waits for it longer than the widget would and says so on a terminal; one that
 * gets no answer at all says the keychain did not answer, not that there is no key.
 */
@Slow
class SlowKeychainCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "sk-slowcli-CANARY-" + Long.toHexString(System.nanoTime());

    @TempDir
    Path home;
    @TempDir
    Path busDir;

    private static CliRunner cli(Path home, Map<String, String> env) {
        CliRunner c = new CliRunner(home);
        env.forEach(c::env);
        return c;
    }

    /** Like {@link CliRunner#run}, with a person at a terminal. */
    private static CliRunner.Result atTerminal(Path home, Map<String, String> env, String... args) {
        Map<String, String> all = new HashMap<>(env);
        all.put("TALLY_HOME", home.toString());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Terminal person = new Terminal() {
            @Override
            public char[] readHidden(String prompt) {
                return null;
            }

            @Override
            public String readLine(String prompt) {
                return null;
            }
        };
        int code = Cli.run(new Cli.Io(Map.copyOf(all), new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
                new PrintWriter(err, true), Clock.fixed(ProviderHarness.NOW, ZoneOffset.UTC), () -> person), args);
        return new CliRunner.Result(code, out.toString(), err.toString());
    }

    @Test
    void aCommandWaitsLongerForALateKeychainAndSaysSoOnATerminal() throws Exception {
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (PrivateBus bus = PrivateBus.start(busDir);
             FakeProviderServer server = FakeProviderServer.start()) {
            bus.startKeyring("throwaway-" + System.nanoTime());
            server.fixture("/user/balance", 200, "deepseek/balance.json");
            String id = cli(home, bus.env()).run("accounts", "add", "--provider", "deepseek", "--base-url",
                    server.baseUrl().toString()).out().strip();
            assertEquals(0, cli(home, bus.env()).stdin(KEY).run("keys", "set", id).code());

            try (SlowBus slow = SlowBus.inFrontOf(bus, busDir)) {
                // answers after 3 s: longer than a second (the notice), well inside the 10 s a command waits
                later.schedule(slow::openGate, 3, TimeUnit.SECONDS);
                CliRunner.Result r = atTerminal(home, slow.env(), "balance", "--json");
                assertEquals(0, r.code(), r.all());
                JsonNode account = JSON.readTree(r.out()).get("accounts").get(0);
                assertEquals("ok", account.get("status").asText(), r.out());
                assertTrue(r.err().contains("waiting for the keychain…"), "said so on the terminal: " + r.err());
                assertFalse(r.all().contains(KEY), "the key never appears in the output");

                slow.shutGate();
                later.schedule(slow::openGate, 3, TimeUnit.SECONDS);
                CliRunner.Result piped = cli(home, slow.env()).run("keys", "status", "--json");
                assertEquals("keychain", JSON.readTree(piped.out()).get("accounts").get(0).get("keys").get(0)
                        .get("source").asText(), piped.all());
                assertFalse(piped.err().contains("waiting for the keychain"), "no notice when no terminal: " + piped.err());
            }
        } finally {
            later.shutdownNow();
        }
    }

    @Test
    void aKeychainThatNeverAnswersIsReportedAsSuchNotAsAMissingKey() throws Exception {
        try (PrivateBus bus = PrivateBus.start(busDir);
             FakeProviderServer server = FakeProviderServer.start()) {
            bus.startKeyring("throwaway-" + System.nanoTime());
            server.fixture("/user/balance", 200, "deepseek/balance.json");
            String id = cli(home, bus.env()).run("accounts", "add", "--provider", "deepseek", "--base-url",
                    server.baseUrl().toString()).out().strip();
            assertEquals(0, cli(home, bus.env()).stdin(KEY).run("keys", "set", id).code());

            try (SlowBus slow = SlowBus.inFrontOf(bus, busDir)) {
                Map<String, String> env = new HashMap<>(slow.env());
                env.put("TALLY_KEYCHAIN_WAIT", "2"); // the gate stays shut: however long it waited, no answer comes

                CliRunner.Result balance = cli(home, env).run("balance", "--json");
                assertEquals(1, balance.code(), balance.all());
                JsonNode account = JSON.readTree(balance.out()).get("accounts").get(0);
                assertEquals("timeout", account.get("status").asText(), balance.out());
                assertTrue(account.get("message").asText().contains("did not answer in 2 s"), balance.out());
                assertFalse(balance.all().contains("tally keys set"), "no wrong advice: " + balance.all());

                JsonNode status = JSON.readTree(cli(home, env).run("keys", "status", "--json").out());
                assertEquals("not_answering", status.get("keychain").get("state").asText(), status.toString());
                assertEquals("unknown — keychain not readable",
                        status.get("accounts").get(0).get("keys").get(0).get("source").asText());

                CliRunner.Result set = cli(home, env).stdin("sk-other-0123456789").run("keys", "set", id);
                assertEquals(1, set.code(), set.all());
                assertTrue(set.err().contains("the keychain is not answering"), set.err());
                assertEquals(0, server.requests().size(), "nothing was sent without a key");
            }
        }
    }
}
