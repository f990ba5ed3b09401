package dev.tally.notify;

import dev.tally.testing.Commands;
import dev.tally.secret.PrivateBus;
import dev.tally.testing.Slow;
import dev.tally.testing.VirtualDisplay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real notification daemon: dunst on a private session bus and a virtual display. A rule in its configuration
 * runs a script for every notification it shows, and the script writes down what dunst saw (app name, urgency,
 * icon, default action), so the test reads the daemon's own view, not ours.
 */
@Slow
class DunstNotificationsTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;
    private PrivateBus bus;
    private VirtualDisplay display;
    private Process dunst;
    private FreedesktopNotifications notifications;

    @AfterEach
    void stop() throws Exception {
        if (notifications != null) {
            notifications.close();
        }
        if (dunst != null) {
            dunst.destroy();
            dunst.waitFor(5, TimeUnit.SECONDS);
        }
        if (display != null) {
            display.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>(bus.env());
        env.put("DISPLAY", display.display());
        return env;
    }

    private void startDunst() throws Exception {
        assumeTrue(PrivateBus.onPath("dunst"), "dunst is not installed (apt-get install dunst)");
        assumeTrue(PrivateBus.onPath("dunstctl"), "dunstctl is not installed (apt-get install dunst)");
        assumeTrue(PrivateBus.onPath("gdbus"), "gdbus is not installed (apt-get install libglib2.0-bin)");
        bus = PrivateBus.start(dir);
        display = VirtualDisplay.start(WAIT);
        Path seen = Files.createDirectories(dir.resolve("seen"));
        Path script = dir.resolve("record.sh");
        Files.writeString(script, "#!/bin/sh\nenv | grep '^DUNST_' | sort > '" + seen + "'/\"$DUNST_ID-$$\"\n");
        script.toFile().setExecutable(true);
        Path config = dir.resolve("dunstrc");
        Files.writeString(config, """
                [global]
                    font = Monospace 8
                [record]
                    appname = "*"
                    script = %s
                """.formatted(script));
        ProcessBuilder pb = new ProcessBuilder("dunst", "-config", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("dunst.log").toFile());
        pb.environment().putAll(env());
        dunst = pb.start();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!gdbus("-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus", "-m",
                "org.freedesktop.DBus.NameHasOwner", FreedesktopNotifications.SERVICE).contains("true")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        notifications = new FreedesktopNotifications(bus.env().get("DBUS_SESSION_BUS_ADDRESS"),
                IconFile.cached(Map.of("XDG_CACHE_HOME", dir.resolve("cache").toString()), dir), WAIT);
        assertTrue(notifications.isAvailable(), "dunst took org.freedesktop.Notifications: " + log());
    }

    private String log() throws IOException {
        Path log = dir.resolve("dunst.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** What dunst's script wrote for each notification shown so far, oldest first, waiting for at least {@code n}. */
    private List<Map<String, String>> seen(int n) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<Map<String, String>> all;
        do {
            all = new ArrayList<>();
            try (Stream<Path> files = Files.list(dir.resolve("seen"))) {
                for (Path f : files.sorted((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                        .toList()) {
                    Map<String, String> vars = new HashMap<>();
                    for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                        int eq = line.indexOf('=');
                        if (eq > 0) {
                            vars.put(line.substring(0, eq), line.substring(eq + 1));
                        }
                    }
                    if (vars.containsKey("DUNST_URGENCY")) {
                        all.add(vars);
                    }
                }
            }
            if (all.size() >= n) {
                return all;
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return all;
    }

    private String gdbus(String... args) throws Exception {
        return Commands.gdbus(env(), WAIT, args);
    }

    private String dunstctl(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("dunstctl"));
        cmd.addAll(List.of(args));
        return run(cmd);
    }

    private String run(List<String> cmd) throws Exception {
        return Commands.run(env(), WAIT, cmd);
    }

    @Test
    void dunstShowsAnUsedUpBalanceAsCriticalWithTheAppIconAndAClickOpensTally() throws Exception {
        startDunst();
        CountDownLatch clicked = new CountDownLatch(1);
        notifications.send(new Notice("deepseek-work:empty", "DeepSeek (work) is used up",
                "¥0.00 left — API calls will fail. Add credits in the DeepSeek console.", true, clicked::countDown));

        List<Map<String, String>> seen = seen(1);
        assertEquals(1, seen.size(), "dunst saw one notification: " + seen + log());
        Map<String, String> n = seen.getFirst();
        assertEquals("Tally", n.get("DUNST_APP_NAME"));
        assertEquals("CRITICAL", n.get("DUNST_URGENCY"), "an exhausted balance is urgent");
        assertEquals("DeepSeek (work) is used up", n.get("DUNST_SUMMARY"));
        assertEquals("tally", n.get("DUNST_DESKTOP_ENTRY"));
        String icon = n.getOrDefault("DUNST_ICON_PATH", "");
        assertTrue(!icon.isEmpty() && Files.isRegularFile(Path.of(icon)), "dunst found the app icon: '" + icon + "'");

        dunstctl("action", "0"); // what a click on the bubble does: dunst invokes its default action
        assertTrue(clicked.await(WAIT.toSeconds(), TimeUnit.SECONDS), "clicking the notification reaches Tally");
    }

    @Test
    void aSecondAlertForTheSameAccountReplacesTheFirstInsteadOfStacking() throws Exception {
        startDunst();
        notifications.send(new Notice("moonshot:low", "Moonshot is low", "¥4.20 left (below ¥5.00)", false, null));
        List<Map<String, String>> first = seen(1);
        assertEquals("NORMAL", first.getFirst().get("DUNST_URGENCY"), "a low balance is not urgent");
        notifications.send(new Notice("moonshot:low", "Moonshot is low", "¥3.10 left (below ¥5.00)", false, null));
        List<Map<String, String>> both = seen(2);
        assertEquals(2, both.size(), both.toString());
        assertEquals(both.get(0).get("DUNST_ID"), both.get(1).get("DUNST_ID"), "the second took the first one's place");
        assertEquals("¥3.10 left (below ¥5.00)", both.get(1).get("DUNST_BODY"));
        String count = dunstctl("count", "displayed");
        assertEquals("1", count.replaceAll("\\D", ""), "one bubble on screen, not two: " + count);
    }
}
