package dev.tally.cli;

import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end: a DeepSeek answer that echoes the key in its currency or amount ends as one bad_response
 * line on stdout and in the log file, and the key is in neither (nor in any other file of the home folder).
 */
class KeyEchoCliTest {
    private static final String PLAIN_CANARY = "CANARYplain0fd94c2b7e15a3d86c0b9e7f42a1d5";

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    static Stream<Arguments> echoes() {
        return Stream.of(ProviderHarness.CANARY, PLAIN_CANARY).flatMap(key -> Stream.of(
                Arguments.of(key, "{\"balance_infos\":[{\"currency\":\"" + key + "\",\"total_balance\":\"1\"}]}", "json"),
                Arguments.of(key, "{\"balance_infos\":[{\"currency\":\"" + key + "\",\"total_balance\":\"1\"}]}", "text"),
                Arguments.of(key, "{\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"a\\n" + key
                        + "\\nb\"}]}", "json"),
                Arguments.of(key, "{\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"a\\n" + key
                        + "\\nb\"}]}", "text")));
    }

    @ParameterizedTest(name = "{0} {2}: {1}")
    @MethodSource("echoes")
    void keyEchoedByTheProviderIsNeitherPrintedNorLogged(String key, String body, String mode) throws IOException {
        server.json("/user/balance", 200, body);
        CliRunner cli = new CliRunner(home).env("DEEPSEEK_API_KEY", key);
        CliRunner.Result r = mode.equals("json")
                ? cli.run("balance", "deepseek", "--json", "--base-url", server.baseUrl().toString())
                : cli.run("balance", "deepseek", "--base-url", server.baseUrl().toString());

        assertEquals(1, r.code(), r.all());
        assertTrue(r.out().contains(mode.equals("json") ? "\"bad_response\"" : "DeepSeek"), r.out());
        assertTrue(r.out().contains("[key]"), "the message says a key was removed: " + r.out());
        assertFalse(r.all().contains(key), r.all());
        assertFalse(r.all().contains("CANARY"), r.all());

        List<Path> logs;
        try (Stream<Path> files = Files.walk(home)) {
            logs = files.filter(p -> p.getFileName().toString().matches("tally\\.\\d+\\.log")).toList();
        }
        assertEquals(1, logs.size(), "one log file: " + logs);
        String logged = Files.readString(logs.getFirst(), StandardCharsets.UTF_8);
        assertTrue(logged.contains("deepseek: bad_response"), "the failure was logged: " + logged);
        assertEquals(List.of(), cli.filesContaining("CANARY"), "key written to a file");
    }
}
