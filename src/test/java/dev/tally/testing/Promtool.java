package dev.tally.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Prometheus's own tools from the Debian package {@code prometheus} (which .ci/run installs). */
public final class Promtool {
    private Promtool() {
    }

    /** The program on PATH, or skips the test saying what to install. */
    public static Path require(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p;
            }
        }
        if ("1".equals(System.getenv("TALLY_PROMETHEUS_EXPECTED"))) {
            throw new AssertionError(".ci/run found " + program + " on PATH, yet this test does not: " + path);
        }
        assumeTrue(false, program + " is not installed (apt-get install prometheus provides it; .ci/run does)");
        return null;
    }

    /** Runs {@code promtool check metrics} on the text and fails with what it said unless it found nothing. */
    public static void checkMetrics(String text) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(require("promtool").toString(), "check", "metrics").redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool finished");
        assertEquals(0, p.exitValue(), "promtool check metrics: " + said + "\non:\n" + text);
    }
}
