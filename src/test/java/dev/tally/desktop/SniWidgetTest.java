package dev.tally.desktop;

import dev.tally.testing.Commands;
import dev.tally.account.Account;
import dev.tally.account.AccountStore;
import dev.tally.core.Money;
import dev.tally.core.ProviderId;
import dev.tally.secret.PrivateBus;
import dev.tally.testing.FakeProviderServer;
import dev.tally.testing.Slow;
import dev.tally.testing.VirtualDisplay;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The whole widget, as a person on an SNI desktop meets it: the real program (its own JVM, GTK on a virtual
 * display) against a fake DeepSeek on 127.0.0.1, a private session bus with Debian's real
 * {@code status-notifier-watcher}, looked at with {@code gdbus} as a panel would and with {@code xdotool} for the
 * window.
 */
@Slow
class SniWidgetTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String CANARY = "sk-canary-7f3a9c1e55d04b2a";

    @TempDir
    Path dir;
    private PrivateBus bus;
    private VirtualDisplay display;
    private FakeProviderServer server;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (Process p : started.reversed()) {
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        if (server != null) {
            server.close();
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

    private String run(String... cmd) throws Exception {
        return Commands.run(env(), Duration.ofSeconds(30), List.of(cmd));
    }

    private String gdbus(String... args) throws Exception {
        return Commands.gdbus(env(), Duration.ofSeconds(30), args);
    }

    /** Asks again until the answer contains {@code wanted} or {@link #WAIT} is over; returns the last answer. */
    private static String until(String wanted, Commands.Probe probe) throws Exception {
        return Commands.until(wanted, WAIT, Duration.ofMillis(250), probe);
    }

    private Process start(String name, List<String> cmd, Map<String, String> extra) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("DBUS_") || k.equals("WAYLAND_DISPLAY")
                || k.startsWith("TALLY_") || k.endsWith("_API_KEY"));
        pb.environment().putAll(env());
        pb.environment().putAll(extra);
        Process p = pb.start();
        started.add(p);
        return p;
    }

    @Test
    void onARealWatcherTheWidgetListsItsAccountWithTheAmountAndActivateShowsTheWindow() throws Exception {
        for (String tool : List.of("status-notifier-watcher", "gdbus", "xdotool")) {
            assumeTrue(PrivateBus.onPath(tool), tool + " is not installed (apt-get install "
                    + switch (tool) {
                        case "status-notifier-watcher" -> "haskell-status-notifier-item-utils";
                        case "gdbus" -> "libglib2.0-bin";
                        default -> tool;
                    } + ")");
        }
        bus = PrivateBus.start(dir);
        display = VirtualDisplay.start(Duration.ofSeconds(20));
        start("watcher", List.of("status-notifier-watcher"), Map.of());
        assertTrue(until("true", () -> gdbus("-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus", "-m",
                "org.freedesktop.DBus.NameHasOwner", "org.kde.StatusNotifierWatcher")).contains("true"),
                "the watcher took its name");

        server = FakeProviderServer.start();
        server.json("/ds/user/balance", 200, "{\"is_available\":true,\"balance_infos\":[{\"currency\":\"CNY\","
                + "\"total_balance\":\"110.00\",\"granted_balance\":\"10.00\",\"topped_up_balance\":\"100.00\"}]}");
        Path home = Files.createDirectories(dir.resolve("home"));
        new AccountStore(home, Clock.systemUTC()).save(List.of(new Account("deepseek-work", ProviderId.of("deepseek"),
                "DeepSeek (work)", null, URI.create(server.baseUrl() + "/ds"), null,
                new Money(new BigDecimal("5.00"), "CNY"), 5)));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, String> widgetEnv = Map.of("TALLY_HOME", home.toString(), "TALLY_KEYCHAIN", "off",
                "TALLY_TRAY", "sni", "DEEPSEEK_API_KEY", CANARY, "TALLY_LANG", "en", "HOME", dir.toString());
        Process widget = start("widget", List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.tally.launcher.Main"), widgetEnv);

        String items = until("StatusNotifierItem-", () -> gdbus("-d", "org.kde.StatusNotifierWatcher", "-o",
                "/StatusNotifierWatcher", "-m", "org.freedesktop.DBus.Properties.Get", "org.kde.StatusNotifierWatcher",
                "RegisteredStatusNotifierItems"));
        Matcher m = Pattern.compile("(org\\.kde\\.StatusNotifierItem-\\d+-\\d+)").matcher(items);
        assertTrue(m.find(), "the watcher lists the widget's item: " + items + "\n" + log("widget"));
        String item = m.group(1);

        String layout = until("¥110.00", () -> gdbus("-d", item, "-o", "/MenuBar", "-m",
                "com.canonical.dbusmenu.GetLayout", "--", "0", "-1", "[]"));
        assertTrue(layout.contains("DeepSeek (work)") && layout.contains("¥110.00"),
                "the native menu lists the account with its amount: " + layout);
        assertFalse(layout.contains(CANARY), "no key in the menu");

        assertTrue(run("xdotool", "search", "--onlyvisible", "--name", "^Tally$").isEmpty(),
                "with a tray and an account, the widget starts in the tray, no window yet");
        gdbus("-d", item, "-o", "/StatusNotifierItem", "-m", "org.kde.StatusNotifierItem.Activate", "600", "10");
        String window = until("\n", () -> {
            String w = run("xdotool", "search", "--onlyvisible", "--name", "^Tally$");
            return w.isEmpty() ? "" : w + "\n";
        });
        assertNotNull(window);
        assertFalse(window.isBlank(), "a left click on the item shows the window: " + log("widget"));
        assertTrue(widget.isAlive(), "the widget still runs");
        assertFalse(log("widget").contains(CANARY), "no key in the widget's output");
    }

    private String log(String name) throws IOException {
        Path f = dir.resolve(name + ".log");
        return Files.exists(f) ? Files.readString(f) : "";
    }
}
