package dev.tally.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Fixtures;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Scripts;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code tally keys command}: a helper script plays the password manager, a fake provider on 127.0.0.1 answers. */
@Slow
class KeyCommandCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ID = "deepseek-ds";
    private static final String OLD = "sk-old-CANARY-0a1b2c3d4e5f60718293";
    private static final String NEW = "sk-new-CANARY-9f8e7d6c5b4a39281706";

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
        // the environment key must lose to the command: lookup order is command, keychain, environment
        return new CliRunner(home).env("TALLY_KEYCHAIN", "off").env("DEEPSEEK_API_KEY", ProviderHarness.CANARY)
                .env("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    }

    private void account() {
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek", "--label", "ds",
                "--base-url", server.baseUrl().toString()).code());
    }

    /** Answers with the balance for {@code NEW} and refuses every other key. */
    private void acceptOnly(String key) {
        String ok = Fixtures.read("deepseek/balance.json");
        String refused = Fixtures.read("deepseek/error-401.json");
        server.handle("/user/balance", ex -> {
            boolean good = ("Bearer " + key).equals(ex.getRequestHeaders().getFirst("Authorization"));
            byte[] body = (good ? ok : refused).getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(good ? 200 : 401, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
    }

    @Test
    void theCommandIsStoredInAccountsJsonAndItsKeyIsUsed() throws Exception {
        account();
        acceptOnly(NEW);
        Path runs = bin.resolve("runs");
        Path helper = Scripts.write(bin, "pm", "echo run >> " + runs + "; printf '%s\\n' '" + NEW + "'");
        CliRunner.Result set = cli().run("keys", "command", ID, "--", helper.toString(), "show", "deepseek");
        assertEquals(0, set.code(), set.all());
        JsonNode stored = JSON.readTree(Files.readString(home.resolve("accounts.json"))).get("accounts").get(0);
        assertEquals(List.of(helper.toString(), "show", "deepseek"),
                JSON.convertValue(stored.get("keyCommands").get("api"), List.class));

        CliRunner.Result list = cli().run("accounts", "list", "--json");
        assertTrue(list.out().contains("\"command\""), list.out());
        assertEquals(0, Scripts.count(runs), "listing accounts does not run the password manager");
        CliRunner.Result edit = cli().run("accounts", "edit", ID, "--label", "DeepSeek");
        assertEquals(0, edit.code(), edit.all());
        assertTrue(Files.readString(home.resolve("accounts.json")).contains("keyCommands"), "editing keeps the command");

        CliRunner.Result balance = cli().run("balance", ID, "--json");
        assertEquals(0, balance.code(), balance.all());
        assertEquals("ok", JSON.readTree(balance.out()).get("accounts").get(0).get("status").asText());
        assertEquals("Bearer " + NEW, server.lastRequest().header("authorization"), "the command's key, not the environment's");
        assertEquals(1, Scripts.count(runs));
        assertTrue(cli().filesContaining(NEW).isEmpty(), "the key is never written to a file");
        assertTrue(cli().filesContaining("CANARY-9f8e").isEmpty());

        CliRunner.Result status = cli().run("keys", "status");
        assertTrue(status.out().contains("api key command"), status.out());
        assertFalse(status.all().contains(NEW), "a hint only: " + status.all());

        CliRunner.Result clear = cli().run("keys", "command", ID, "--clear");
        assertEquals(0, clear.code(), clear.all());
        assertFalse(Files.readString(home.resolve("accounts.json")).contains("keyCommands"));
        cli().run("balance", ID);
        assertEquals("Bearer " + ProviderHarness.CANARY, server.lastRequest().header("authorization"),
                "without a command the environment's key is used again");
    }

    @Test
    void aKeyRefusedByTheProviderIsAskedForAgainOnce() throws Exception {
        account();
        acceptOnly(NEW);
        Path counter = bin.resolve("runs");
        // the password manager held an old key the first time it was asked, the new one since
        Path helper = Scripts.write(bin, "pm", "echo run >> " + counter + "; "
                + "if [ \"$(wc -l < " + counter + ")\" -le 1 ]; then printf '" + OLD + "'; else printf '" + NEW + "'; fi");
        assertEquals(0, cli().run("keys", "command", ID, "--", helper.toString()).code());

        CliRunner.Result balance = cli().run("balance", ID, "--json");
        assertEquals(0, balance.code(), balance.all());
        assertEquals(2, Scripts.count(counter), "run, refused (401), run again once");
        List<String> sent = server.requests().stream().map(r -> r.header("authorization")).toList();
        assertEquals(List.of("Bearer " + OLD, "Bearer " + NEW), sent);
        assertFalse(balance.all().contains("CANARY"), balance.all());
    }

    @Test
    void aKeyStillRefusedAfterTheRerunIsReportedOnceWithoutAThirdRun() {
        account();
        acceptOnly("sk-nobody-has-this-key-1234567");
        Path counter = bin.resolve("runs");
        Path helper = Scripts.write(bin, "pm", "echo run >> " + counter + "; printf '" + OLD + "'");
        assertEquals(0, cli().run("keys", "command", ID, "--", helper.toString()).code());
        CliRunner.Result balance = cli().run("balance", ID);
        assertEquals(1, balance.code(), balance.all());
        assertEquals(2, Scripts.count(counter));
        assertEquals(2, server.requests().size());
        assertFalse(balance.all().contains(OLD));
    }

    @Test
    void aFailingCommandIsReportedWithItsRedactedMessage() {
        account();
        acceptOnly(NEW);
        Path helper = Scripts.write(bin, "pm", "echo 'pass: entry not found (tried " + NEW + ")' >&2; exit 1");
        assertEquals(0, cli().run("keys", "command", ID, "--", helper.toString()).code());
        CliRunner.Result balance = cli().run("balance", ID);
        assertEquals(1, balance.code(), balance.all());
        assertTrue(balance.all().contains("exit 1"), balance.all());
        assertTrue(balance.all().contains("entry not found"), balance.all());
        assertFalse(balance.all().contains("CANARY"), balance.all());
        assertTrue(server.requests().isEmpty(), "no request without a key; the environment's key is not used instead");
    }

    @Test
    void aHangingCommandTimesOut() {
        account();
        acceptOnly(NEW);
        Path helper = Scripts.write(bin, "pm", "sleep 600");
        assertEquals(0, cli().run("keys", "command", ID, "--", helper.toString()).code());
        CliRunner.Result balance = cli().env("TALLY_KEY_COMMAND_TIMEOUT", "1").run("balance", ID, "--json");
        assertEquals(1, balance.code(), balance.all());
        assertTrue(balance.out().contains("\"timeout\""), balance.out());
        assertTrue(balance.out().contains("did not finish within 1 s"), balance.out());
    }

    @Test
    void usageMistakesAreExplained() {
        account();
        CliRunner.Result none = cli().run("keys", "command", ID);
        assertEquals(2, none.code());
        assertTrue(none.err().contains("after '--'"), none.err());
        CliRunner.Result quoted = cli().run("keys", "command", ID, "--", "pass show deepseek");
        assertEquals(2, quoted.code());
        assertTrue(quoted.err().contains("without a shell"), quoted.err());
        CliRunner.Result unknown = cli().run("keys", "command", "nope", "--", "pass", "show", "x");
        assertEquals(2, unknown.code());
    }
}
