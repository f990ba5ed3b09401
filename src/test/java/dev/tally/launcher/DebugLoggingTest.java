package dev.tally.launcher;

import dev.tally.testing.Slow;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.ProviderHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code tally --debug} in a real child JVM, as a user runs it: stderr gets Tally's own FINE lines (the
 * request, its status and timing) and nothing from the JDK's FINE loggers (one jdk.event.security line
 * per CA certificate used to flood it), and never the key, even when the provider echoes it.
 */
@Slow
class DebugLoggingTest {
    private static final String CANARY = ProviderHarness.CANARY;
    /** A few lines per request; the JDK's certificate events alone were about 150. */
    private static final int MAX_LINES = 10;

    @TempDir
    Path home;
    private final FakeProviderServer server = FakeProviderServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Run tally(String... args) throws IOException, InterruptedException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = Stream.concat(Stream.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-cp", classpath, Main.class.getName()), Stream.of(args)).toList();
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> env = pb.environment();
        env.keySet().removeIf(k -> k.endsWith("_API_KEY") || k.endsWith("_ADMIN_KEY") || k.endsWith("_MANAGEMENT_KEY"));
        env.put("TALLY_HOME", home.toString());
        env.put("DEEPSEEK_API_KEY", CANARY);
        Path out = home.resolve("child.out");
        Path err = home.resolve("child.err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("tally did not finish within 60 s");
        }
        Run run = new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
        Files.delete(out);
        Files.delete(err);
        return run;
    }

    private static void assertQuietAndKeyFree(Run r) {
        assertFalse(r.err().contains("jdk.event.security"), r.err());
        assertTrue(r.errLines().size() <= MAX_LINES, r.errLines().size() + " lines on stderr:\n" + r.err());
        assertFalse(r.out().contains(CANARY) || r.out().contains("CANARY"), r.out());
        assertFalse(r.err().contains(CANARY) || r.err().contains("CANARY"), r.err());
    }

    @Test
    void debugShowsTallysRequestLineAndNotTheJdksFineLogging() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        Run r = tally("--debug", "balance", "deepseek", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("DeepSeek: 110.00 CNY"), r.out());
        assertTrue(r.err().contains("FINE dev.tally.provider.HttpFetch: GET 127.0.0.1/user/balance -> 200"), r.err());
        assertQuietAndKeyFree(r);
    }

    @Test
    void debugNeverShowsAKeyTheProviderEchoes() throws Exception {
        server.json("/user/balance", 200, "{\"balance_infos\":[{\"currency\":\"" + CANARY
                + "\",\"total_balance\":\"1\"}],\"error\":\"Bearer " + CANARY + "\"}");
        Run r = tally("--debug", "balance", "deepseek", "--base-url", server.baseUrl().toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("[key]"), r.out());
        assertTrue(r.err().contains("deepseek: bad_response"), "the failure is logged to stderr: " + r.err());
        assertQuietAndKeyFree(r);

        server.json("/user/balance", 401, "{\"error\":{\"message\":\"Authentication Fails, your key " + CANARY
                + " is invalid\"}}");
        Run rejected = tally("--debug", "balance", "deepseek", "--json", "--base-url", server.baseUrl().toString());
        assertEquals(1, rejected.code(), rejected.err());
        assertTrue(rejected.out().contains("\"auth_failed\""), rejected.out());
        assertQuietAndKeyFree(rejected);
    }

    @Test
    void withoutDebugStderrStaysEmpty() throws Exception {
        server.fixture("/user/balance", 200, "deepseek/balance.json");
        Run r = tally("balance", "deepseek", "--base-url", server.baseUrl().toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err());
    }
}
