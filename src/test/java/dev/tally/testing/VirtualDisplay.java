package dev.tally.testing;

import dev.tally.secret.PrivateBus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A virtual X display (Xvfb) for tests that need a real desktop program to draw: a notification daemon, a window
 * looked at with xdotool. Skips the test (with the package to install) when Xvfb is not there. Stop it with
 * {@link #close()}.
 */
public final class VirtualDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String name;

    private VirtualDisplay(Process xvfb, String name) {
        this.xvfb = xvfb;
        this.name = name;
    }

    /** Starts Xvfb on the first free display number from :140, 1280×800, and waits (up to {@code wait}) for it. */
    public static VirtualDisplay start(Duration wait) throws IOException, InterruptedException {
        assumeTrue(PrivateBus.onPath("Xvfb"), "Xvfb is not installed (apt-get install xvfb)");
        for (int n = 140; n < 200; n++) {
            if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                continue;
            }
            Process p = new ProcessBuilder("Xvfb", ":" + n, "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline && p.isAlive()) {
                if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
                    return new VirtualDisplay(p, ":" + n);
                }
                Thread.sleep(50);
            }
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        throw new IOException("no free X display number between :140 and :199 for Xvfb");
    }

    /** The value for {@code DISPLAY}. */
    public String display() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        xvfb.destroy();
        if (!xvfb.waitFor(5, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly();
        }
    }
}
