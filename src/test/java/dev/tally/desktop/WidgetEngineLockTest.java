package dev.tally.desktop;

import dev.tally.testing.Slow;
import dev.tally.engine.EngineLock;
import dev.tally.engine.SingleInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The desktop widget does not start a second engine next to a {@code tally watch} on the same home. */
@Slow
class WidgetEngineLockTest {
    @TempDir
    Path home;

    @Test
    void theWidgetRefusesToStartWhileAWatchPollsTheSameHome() throws Exception {
        EngineLock.Held watch = assertInstanceOf(EngineLock.Held.class, EngineLock.claim(home, EngineLock.Role.WATCH));
        Process widget = null;
        try {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            // 'tally' with no arguments is the widget; no display, tray or session bus: if it did not refuse, it
            // would fail later with a different message ("cannot open a window")
            ProcessBuilder pb = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), "dev.tally.launcher.Main");
            pb.environment().keySet().removeIf(k -> k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY")
                    || k.startsWith("DBUS_") || k.equals("XDG_RUNTIME_DIR"));
            pb.environment().put("TALLY_HOME", home.toString());
            pb.environment().put("TALLY_KEYCHAIN", "off");
            pb.environment().put("TALLY_TRAY", "off");
            File err = home.resolve("widget.err").toFile();
            pb.redirectError(err);
            pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            widget = pb.start();
            assertTrue(widget.waitFor(30, TimeUnit.SECONDS), "the widget gave up by itself");
            String stderr = Files.readString(err.toPath());
            assertEquals(1, widget.exitValue(), stderr);
            assertTrue(stderr.contains("tally: another 'tally watch' (pid " + ProcessHandle.current().pid()
                    + ") is already polling the accounts in " + home), stderr);
            assertTrue(stderr.strip().endsWith("and start Tally again"), stderr);
            assertFalse(stderr.contains("cannot open a window"), "refused before any window: " + stderr);
            assertFalse(Files.exists(home.resolve(SingleInstance.PORT_FILE)), "the refused widget left no port file");
        } finally {
            watch.lock().close();
            if (widget != null) {
                widget.destroyForcibly();
            }
        }
    }
}
