package dev.tally.cli;

import dev.tally.testing.Slow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.secret.KeyringSecretStore;
import dev.tally.secret.StoreStatus;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code tally keys} and {@code tally balance} with keys in the real OS keychain. Runs against the Secret
 * Service that {@code .ci/with-keyring} starts (mandatory there); skipped with the reason elsewhere.
 */
@Slow
class KeysCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final boolean EXPECTED = "1".equals(System.getenv("TALLY_KEYRING_EXPECTED"));
    private static StoreStatus keychain;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String workKey = "sk-work-CANARY-" + UUID.randomUUID();
    private final String homeKey = "sk-home-CANARY-" + UUID.randomUUID();
    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @BeforeAll
    static void probe() {
        try (KeyringSecretStore store = KeyringSecretStore.open(Duration.ofSeconds(3))) {
            keychain = store.status();
        }
        if (EXPECTED) {
            assertTrue(keychain.isAvailable(), "CI started a keyring, yet: " + keychain);
        }
    }

    @AfterAll
    static void done() {
        keychain = null;
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRunner cli() {
        return new CliRunner(home);
    }

    private void needKeychain() {
        assumeTrue(keychain.isAvailable(), "no usable OS keychain here: " + keychain.reason());
    }

    @Test
    void twoDeepSeekAccountsWithKeysInTheKeychainAreBothReported() throws Exception {
        needKeychain();
        String work = cli().run("accounts", "add", "--provider", "deepseek", "--label", "work " + run,
                "--base-url", server.baseUrl() + "/work").out().strip();
        String personal = cli().run("accounts", "add", "--provider", "deepseek", "--label", "home " + run,
                "--base-url", server.baseUrl() + "/home").out().strip();
        try {
            server.handle("/work/user/balance", ex -> answer(ex, workKey, "deepseek/balance.json"));
            server.handle("/home/user/balance", ex -> answer(ex, homeKey, "deepseek/balance-two-currencies.json"));
            CliRunner.Result setWork = cli().stdin(workKey + "\n").run("keys", "set", work);
            assertEquals(0, setWork.code(), setWork.err());
            assertTrue(setWork.err().contains("…" + workKey.substring(workKey.length() - 4)), "masked hint: " + setWork.err());
            CliRunner.Result setHome = cli().stdin(homeKey).run("keys", "set", personal, "--test");
            assertEquals(0, setHome.code(), setHome.all());
            assertTrue(setHome.out().contains("5.30 USD"), setHome.out());

            String found = secretTool("search", "--all", "service", "Tally");
            assertTrue(found.contains(work) && found.contains(personal), "secret-tool sees both entries: " + found);

            CliRunner.Result balance = cli().run("balance", "--json");
            assertEquals(0, balance.code(), balance.all());
            JsonNode accounts = JSON.readTree(balance.out()).get("accounts");
            assertEquals("110.00", accounts.get(0).get("balances").get(0).get("total").asText());
            assertEquals("5.30", accounts.get(1).get("balances").get(1).get("total").asText());

            JsonNode status = JSON.readTree(cli().run("keys", "status", "--json").out());
            assertEquals("available", status.get("keychain").get("state").asText());
            JsonNode slot = status.get("accounts").get(0).get("keys").get(0);
            assertEquals("keychain", slot.get("source").asText());
            assertTrue(slot.get("hint").asText().endsWith(workKey.substring(workKey.length() - 4)));
            assertTrue(cli().run("accounts", "list").out().contains("key: keychain"));

            for (CliRunner.Result r : List.of(setWork, setHome, balance)) {
                assertFalse(r.all().contains("CANARY"), "key in output: " + r.all());
            }
            assertEquals(List.of(), cli().filesContaining("CANARY"), "a key was written to a file");
        } finally {
            CliRunner.Result removeWork = cli().run("accounts", "remove", work, "--yes");
            CliRunner.Result removeHome = cli().run("accounts", "remove", personal, "--yes");
            assertEquals(0, removeWork.code(), removeWork.all());
            assertEquals(0, removeHome.code(), removeHome.all());
            assertFalse((removeWork.all() + removeHome.all()).contains("CANARY"), "key in output of remove");
        }
        String after = secretTool("search", "--all", "service", "Tally");
        assertFalse(after.contains(work) || after.contains(personal), "removing an account removes its key: " + after);
        assertEquals(List.of(), cli().filesContaining("CANARY"), "a key was left in a file after remove");
    }

    /**
     * Typed at a terminal while standard output goes to a file ({@code System.console()} is then absent): the key
     * must not be echoed. Runs the real launcher under {@code script}, which gives the command a terminal.
     */
    @Test
    void aKeyTypedAtATerminalIsNotEchoedEvenWhenOutputIsRedirected() throws Exception {
        needKeychain();
        assumeTrue(new java.io.File("/usr/bin/script").canExecute(), "script (util-linux) is not installed");
        String id = cli().run("accounts", "add", "--provider", "deepseek", "--label", "tty " + run).out().strip();
        String typed = "sk-typed-CANARY-" + run;
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String inner = "'" + java + "' -cp '" + System.getProperty("java.class.path") + "' dev.tally.launcher.Main keys set "
                    + id + " > '" + home.resolve("stdout.txt") + "'";
            ProcessBuilder pb = new ProcessBuilder("script", "-qfec", inner, "/dev/null").redirectErrorStream(true);
            pb.environment().put("TALLY_HOME", home.toString());
            Process p = pb.start();
            StringBuilder screen = new StringBuilder();
            java.io.InputStream from = p.getInputStream();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!screen.toString().contains("(not shown): ") && System.nanoTime() < until) {
                int b = from.read();
                if (b < 0) {
                    break;
                }
                screen.append((char) b);
            }
            assertTrue(screen.toString().contains("(not shown): "), "a prompt on the terminal: " + screen);
            p.getOutputStream().write((typed + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().flush();
            screen.append(new String(from.readAllBytes(), StandardCharsets.UTF_8));
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            assertTrue(screen.toString().contains("Stored the api key"), screen.toString());
            assertFalse(screen.toString().contains("CANARY"), "the typed key was echoed: " + screen);
            assertEquals("keychain", JSON.readTree(cli().run("keys", "status", "--json").out())
                    .get("accounts").get(0).get("keys").get(0).get("source").asText());
        } finally {
            cli().run("accounts", "remove", id, "--yes");
        }
    }

    @Test
    void overwritingAKeyKeepsOneEntryAndDeleteRemovesIt() throws Exception {
        needKeychain();
        String id = cli().run("accounts", "add", "--provider", "moonshot", "--label", "k" + run).out().strip();
        try {
            assertEquals(0, cli().stdin("sk-first-" + run).run("keys", "set", id).code());
            assertEquals(0, cli().stdin("sk-second-" + run).run("keys", "set", id).code());
            String found = secretTool("search", "--all", "service", "Tally", "account", id);
            assertEquals(1, found.lines().filter(l -> l.startsWith("[")).count(), "one entry after overwrite: " + found);
            CliRunner.Result delete = cli().run("keys", "delete", id);
            assertEquals(0, delete.code());
            assertTrue(delete.err().startsWith("Removed the api key for Moonshot (k" + run + ") from "), delete.err());
            assertTrue(cli().run("accounts", "list").out().contains("key: missing"));
            CliRunner.Result again = cli().env("MOONSHOT_API_KEY", "sk-env-" + run).run("keys", "delete", id);
            assertEquals(0, again.code(), again.err());
            assertTrue(again.err().startsWith("No api key for Moonshot (k" + run + ") was stored in "), again.err());
            assertTrue(again.err().contains("; nothing removed. (Its key comes from MOONSHOT_API_KEY, which Tally does not change.)"),
                    again.err());
            assertFalse(again.err().contains("Removed"), again.err());
        } finally {
            cli().run("accounts", "remove", id, "--yes");
        }
    }

    @Test
    void withoutAKeychainNothingIsStoredAndTheReasonIsGiven() {
        CliRunner off = cli().env("TALLY_KEYCHAIN", "off");
        String id = off.run("accounts", "add", "--provider", "deepseek").out().strip();
        CliRunner.Result r = off.stdin("sk-plain-CANARY-" + run).run("keys", "set", id);
        assertEquals(1, r.code());
        assertTrue(r.err().contains("never stores keys in plain text"), r.err());
        assertTrue(r.err().contains("DEEPSEEK_API_KEY"), "offers the env fallback: " + r.err());
        assertEquals(List.of(), off.filesContaining("CANARY"));
        CliRunner.Result b = off.run("balance", id, "--json");
        assertEquals(1, b.code());
        assertTrue(b.out().contains("no_key"));
        assertTrue(b.out().contains("turned off"), "says why the keychain was not used: " + b.out());
    }

    @Test
    void emptyKeyIsRefused() {
        needKeychain();
        CliRunner c = cli();
        String id = c.run("accounts", "add", "--provider", "deepseek").out().strip();
        CliRunner.Result r = c.stdin("\n").run("keys", "set", id);
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no key given"), r.err());
    }

    @Test
    void unknownSlotIsUsageError() {
        CliRunner c = cli().env("TALLY_KEYCHAIN", "off");
        String id = c.run("accounts", "add", "--provider", "deepseek").out().strip();
        CliRunner.Result r = c.stdin("sk-x").run("keys", "set", id, "--slot", "management");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("has no 'management' key"), r.err());
    }

    private static void answer(com.sun.net.httpserver.HttpExchange ex, String expectedKey, String fixture)
            throws java.io.IOException {
        boolean ok = ("Bearer " + expectedKey).equals(ex.getRequestHeaders().getFirst("Authorization"));
        byte[] body = (ok ? Fixtures.read(fixture) : "{\"error\":{\"message\":\"wrong key\"}}").getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(ok ? 200 : 401, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    private static String secretTool(String... args) throws Exception {
        boolean installed = new java.io.File("/usr/bin/secret-tool").canExecute();
        if (EXPECTED) {
            assertTrue(installed, "CI installs secret-tool (libsecret-tools) to check what the keychain holds");
        }
        assumeTrue(installed, "secret-tool is not installed");
        List<String> cmd = new java.util.ArrayList<>(List.of("secret-tool"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }

}
