package dev.tally.cli;

import dev.tally.account.Preferences;
import dev.tally.account.PreferencesStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * accounts.json and settings.json written by hand or by another tool are untrusted input: escape sequences in labels
 * never reach the terminal raw (they are shown escaped), ids and base URLs are checked again on load, and files that
 * are not ours are kept aside with the reason.
 */
class HostileFilesTest {
    private static final String OSC_TITLE = "\u001b]0;pwned\u0007";
    private static final String CLEAR = "\u001b[2J\u001b[H";
    private static final String BIDI = "\u202Eredro\u202C";

    @TempDir
    Path home;

    private CliRunner cli() {
        return new CliRunner(home).env("TALLY_KEYCHAIN", "off");
    }

    private void accountsFile(String accountsJsonArray) throws Exception {
        Files.writeString(home.resolve("accounts.json"), "{\"version\":1,\"accounts\":" + accountsJsonArray + "}");
    }

    private static String entry(String id, String labelJson, String extra) {
        return "{\"id\":\"" + id + "\",\"provider\":\"deepseek\",\"label\":" + labelJson + extra + "}";
    }

    /** Nothing a terminal would act on: no control character but newline, no line separators, no bidi controls. */
    private static void assertSafeForATerminal(String output) {
        for (int i = 0; i < output.length(); i++) {
            char c = output.charAt(i);
            boolean control = Character.getType(c) == Character.CONTROL && c != '\n';
            boolean bidi = c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x2028 || c == 0x2029;
            assertFalse(control || bidi, String.format("raw U+%04X at %d in: %s", (int) c, i, output));
        }
    }

    @Test
    void escapeSequencesInHandEditedLabelsAreShownEscapedByEveryCommand() throws Exception {
        accountsFile("[" + entry("deepseek-a", "\"" + "\\u001b]0;pwned\\u0007Work" + "\"", "") + ","
                + entry("deepseek-b", "\"\\u001b[2J\\u001b[HClean\"", "") + ","
                + entry("deepseek-c", "\"Fine\\nDeepSeek (fake): 1000.00 USD\"", "") + ","
                + entry("deepseek-d", "\"\\u202Eredro\\u202C\"", "") + "]");

        for (List<String> args : List.of(List.of("accounts", "list"), List.of("accounts", "list", "--json"),
                List.of("balance"), List.of("balance", "--json"), List.of("status"), List.of("status", "--json"),
                List.of("history", "deepseek-a"), List.of("keys", "status"))) {
            CliRunner.Result r = cli().run(args.toArray(String[]::new));
            assertSafeForATerminal(r.out());
            assertSafeForATerminal(r.err());
            assertFalse(r.all().contains(OSC_TITLE) || r.all().contains(CLEAR) || r.all().contains(BIDI), args.toString());
            for (String line : r.all().split("\n")) {
                assertFalse(line.startsWith("DeepSeek (fake)"), "a label cannot fake an output line: " + r.all());
            }
        }
        CliRunner.Result list = cli().run("accounts", "list");
        assertTrue(list.out().contains("\\u001b]0;pwned\\u0007Work"), "shown escaped, still recognisable: " + list.out());
        assertTrue(list.out().contains("Fine\\nDeepSeek (fake): 1000.00 USD"), list.out());
        assertTrue(list.out().contains("\\u202eredro\\u202c"), list.out());
        assertEquals(0, list.code(), "the accounts are kept: their keys and history still belong to them");
    }

    @Test
    void anIdOrBaseUrlThatBreaksTheRulesGetsTheFileKeptAsideWithTheReason() throws Exception {
        accountsFile("[" + entry("../../etc/passwd", "\"x\"", "") + "]");
        CliRunner.Result r = cli().run("accounts", "list");
        assertTrue(r.err().contains("account id '../../etc/passwd' must be lower-case letters, digits and dashes"), r.err());
        assertTrue(r.err().contains("it was kept as accounts.json.corrupt-"), r.err());
        assertFalse(Files.exists(home.resolve("accounts.json")));

        accountsFile("[" + entry("deepseek", "\"DeepSeek\"", ",\"baseUrl\":\"http://balance.example.net\"") + "]");
        r = cli().run("balance", "--json");
        assertTrue(r.err().contains("account 'deepseek' has an unusable base URL: plain http is only allowed to this computer"),
                r.err());
        assertFalse(r.all().contains("balance.example.net/user/balance"), "no request to the plain-http address");

        accountsFile("[" + entry("deepseek", "\"x\"", ",\"baseUrl\":\"https://user:pw@proxy.example.net\"") + "]");
        r = cli().run("accounts", "list");
        assertTrue(r.err().contains("must not contain a user name or password"), r.err());

        accountsFile("[" + entry("dee\\u001b[2Jpseek", "\"x\"", "") + "]");
        r = cli().run("accounts", "list");
        assertSafeForATerminal(r.err());
        assertTrue(r.err().contains("account id 'dee\\u001b[2Jpseek' must be"), "the reason quotes it escaped: " + r.err());
    }

    @Test
    void aFileFarLargerOrDeeperThanOursIsKeptAside() throws Exception {
        byte[] big = new byte[9 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) ' ');
        Files.write(home.resolve("accounts.json"), big);
        CliRunner.Result r = cli().run("accounts", "list");
        assertTrue(r.err().contains("it is larger than 8 MiB"), r.err());
        assertTrue(r.err().contains("kept as accounts.json.corrupt-"), r.err());

        Files.writeString(home.resolve("accounts.json"), "[".repeat(5000) + "]".repeat(5000));
        r = cli().run("accounts", "list");
        assertTrue(r.err().contains("could not be read"), r.err());
        assertEquals(0, cli().run("accounts", "add", "--provider", "deepseek").code(), "a fresh file can be started");
    }

    @Test
    void hostileSettingsAreKeptAsideAndTheDefaultsUsed() throws Exception {
        PreferencesStore store = new PreferencesStore(home, Clock.systemUTC());
        Files.writeString(home.resolve("settings.json"), "{\"version\":1,\"theme\":\"\\u001b]0;pwned\\u0007\"}");
        PreferencesStore.Loaded loaded = store.load();
        assertEquals(Preferences.defaults(), loaded.preferences());
        String warning = loaded.warning().orElseThrow();
        assertSafeForATerminal(warning);
        assertTrue(warning.contains("theme '\\u001b]0;pwned\\u0007' is not system, light or dark"), warning);

        Files.writeString(home.resolve("settings.json"), "{\"version\":1,\"window\":{\"width\":-5,\"height\":1e999}}");
        loaded = store.load();
        assertEquals(Preferences.defaults(), loaded.preferences());
        assertTrue(loaded.warning().orElseThrow().contains("kept as settings.json.corrupt-"), loaded.warning().get());

        Files.write(home.resolve("settings.json"), " ".repeat(300 * 1024).getBytes(StandardCharsets.UTF_8));
        loaded = store.load();
        assertTrue(loaded.warning().orElseThrow().contains("larger than 256 KiB"), loaded.warning().get());
        assertTrue(loaded.writable());
        store.update(p -> p.withHideAmounts(true));
        assertTrue(store.load().preferences().hideAmounts(), "a fresh file is written after the bad one is set aside");
    }
}
