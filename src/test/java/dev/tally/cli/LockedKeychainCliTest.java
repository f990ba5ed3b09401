package dev.tally.cli;

import dev.tally.testing.Slow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tally.secret.PrivateBus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The command line against a real gnome-keyring on a private D-Bus that gets locked: a stored key is "unknown",
 * never "missing"; removing the account does not silently leave its key behind; a key left behind can still
 * be removed by id. Runs wherever dbus-daemon and gnome-keyring are installed (CI installs them).
 */
@Slow
class LockedKeychainCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path busDir;

    private CliRunner cli(PrivateBus bus) {
        CliRunner c = new CliRunner(home);
        for (Map.Entry<String, String> e : bus.env().entrySet()) {
            c.env(e.getKey(), e.getValue());
        }
        return c;
    }

    @Test
    void aLockedKeychainNeitherHidesNorOrphansAStoredKey() throws Exception {
        String password = "throwaway-" + System.nanoTime();
        String key = "sk-locked-CANARY-" + System.nanoTime();
        try (PrivateBus bus = PrivateBus.start(busDir)) {
            bus.startKeyring(password);
            String id = cli(bus).run("accounts", "add", "--provider", "deepseek", "--label", "work").out().strip();
            CliRunner.Result set = cli(bus).stdin(key).run("keys", "set", id);
            assertEquals(0, set.code(), set.all());

            bus.stopKeyring();
            bus.startKeyring(null); // the same keyring, now locked

            JsonNode status = JSON.readTree(cli(bus).run("keys", "status", "--json").out());
            assertEquals("locked", status.get("keychain").get("state").asText());
            assertEquals("unknown — keychain not readable",
                    status.get("accounts").get(0).get("keys").get(0).get("source").asText(),
                    "a key the locked keychain holds is not 'missing'");

            CliRunner.Result remove = cli(bus).run("accounts", "remove", id, "--yes");
            assertEquals(1, remove.code());
            assertTrue(remove.err().contains("nothing was removed") && remove.err().contains("--keep-key"), remove.err());
            assertTrue(Files.readString(home.resolve("accounts.json")).contains(id), "the account is still there");

            CliRunner.Result keep = cli(bus).run("accounts", "remove", id, "--yes", "--keep-key");
            assertEquals(0, keep.code(), keep.all());
            assertTrue(keep.err().contains("tally keys delete " + id), "says how to remove the key later: " + keep.err());

            bus.stopKeyring();
            bus.startKeyring(password); // unlocked again
            assertTrue(lookup(bus, id).contains("CANARY"), "the key stayed in the keychain");
            CliRunner.Result delete = cli(bus).run("keys", "delete", id);
            assertEquals(0, delete.code(), delete.all());
            assertTrue(delete.err().contains("There is no account '" + id + "'; removed the key"), delete.err());
            assertEquals("", lookup(bus, id).strip(), "the left-over key is gone");
            assertEquals(2, cli(bus).run("keys", "delete", id).code(), "nothing left: an unknown account again");

            for (CliRunner.Result r : List.of(set, remove, keep, delete)) {
                assertFalse(r.all().contains("CANARY"), r.all());
            }
        }
    }

    private static String lookup(PrivateBus bus, String account) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("secret-tool", "lookup", "service", "Tally", "account", account));
        org.junit.jupiter.api.Assumptions.assumeTrue(PrivateBus.onPath("secret-tool"), "secret-tool is not installed");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(bus.env());
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        return out;
    }
}
