package dev.tally.tray;

import dev.tally.testing.Commands;
import dev.tally.core.FetchError;
import dev.tally.secret.PrivateBus;
import dev.tally.testing.Slow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static dev.tally.tray.TrayFixtures.NOW;
import static dev.tally.tray.TrayFixtures.balance;
import static dev.tally.tray.TrayFixtures.deepseekWork;
import static dev.tally.tray.TrayFixtures.failed;
import static dev.tally.tray.TrayFixtures.minutesAgo;
import static dev.tally.tray.TrayFixtures.moonshot;
import static dev.tally.tray.TrayFixtures.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The item on a real watcher: Debian's {@code status-notifier-watcher} (package
 * {@code haskell-status-notifier-item-utils}) on a private session bus, looked at with {@code gdbus} as a panel would.
 */
@Slow
class SniRealWatcherTest {
    private static final long WAIT_SECONDS = 15;

    @TempDir
    Path dir;
    private PrivateBus bus;
    private final List<Process> started = new ArrayList<>();
    private SniTrayBackend tray;

    @AfterEach
    void stop() throws InterruptedException {
        if (tray != null) {
            tray.remove();
        }
        for (Process p : started) {
            p.destroy();
            p.waitFor(5, TimeUnit.SECONDS);
        }
        if (bus != null) {
            bus.close();
        }
    }

    private Process watcher() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("status-notifier-watcher").redirectErrorStream(true)
                .redirectOutput(dir.resolve("watcher.log").toFile());
        pb.environment().putAll(bus.env());
        Process p = pb.start();
        started.add(p);
        return p;
    }

    /** Runs gdbus with the bus's environment and returns what it printed (stdout and stderr). */
    private String gdbus(String... args) throws Exception {
        return Commands.gdbus(bus.env(), Duration.ofSeconds(WAIT_SECONDS), args);
    }

    private String registered() throws Exception {
        return gdbus("-d", SniBus.WATCHER, "-o", SniBus.WATCHER_PATH, "-m", "org.freedesktop.DBus.Properties.Get",
                SniBus.WATCHER, "RegisteredStatusNotifierItems");
    }

    /** Asks again until {@code probe}'s answer contains {@code wanted} or the wait is over; returns the last answer. */
    private String until(String wanted, Commands.Probe probe) throws Exception {
        return Commands.until(wanted, Duration.ofSeconds(WAIT_SECONDS), Duration.ofMillis(100), probe);
    }

    private String watcherOwned() throws Exception {
        return gdbus("-d", "org.freedesktop.DBus", "-o", "/org/freedesktop/DBus", "-m",
                "org.freedesktop.DBus.NameHasOwner", SniBus.WATCHER);
    }

    @Test
    void theRealWatcherListsTheItemItsMenuShowsTheAccountsAndActivateReachesTheApp() throws Exception {
        assumeTrue(PrivateBus.onPath("status-notifier-watcher"),
                "status-notifier-watcher is not installed (apt-get install haskell-status-notifier-item-utils)");
        assumeTrue(PrivateBus.onPath("gdbus"), "gdbus is not installed (apt-get install libglib2.0-bin)");
        bus = PrivateBus.start(dir);
        Process first = watcher();
        assertTrue(until("true", this::watcherOwned).contains("true"), "the watcher took its name");

        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        tray = new SniTrayBackend(bus.env().get("DBUS_SESSION_BUS_ADDRESS"), Runnable::run, new TrayBackend.Listener() {
            @Override
            public void onAction(TrayAction action) {
                heard.add("action " + action);
            }

            @Override
            public void onIconActivated(TrayBackend.Click at) {
                heard.add("activated");
            }
        }, Duration.ofSeconds(WAIT_SECONDS));
        assertTrue(tray.isSupported());
        TrayPresenter.View view = TrayPresenter.present(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "3.10")),
                failed(moonshot(), null, new FetchError.AuthFailed("rejected"), minutesAgo(3))), NOW, false);
        assertTrue(view.showOn(tray).toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS));

        String items = until(tray.busName(), this::registered);
        assertTrue(items.contains(tray.busName()), "the watcher lists the item: " + items);

        String layout = gdbus("-d", tray.busName(), "-o", SniBus.MENU_PATH, "-m", SniBus.MENU + ".GetLayout", "--",
                "0", "-1", "[]");
        assertTrue(layout.contains("⚠ DeepSeek (work) — ¥3.10 (below ¥5.00) · 3 min ago"), layout);
        assertTrue(layout.contains("✕ Moonshot — key rejected"), layout);

        String status = gdbus("-d", tray.busName(), "-o", SniBus.ITEM_PATH, "-m", "org.freedesktop.DBus.Properties.Get",
                SniBus.ITEM, "Status");
        assertTrue(status.contains("NeedsAttention"), status);

        gdbus("-d", tray.busName(), "-o", SniBus.ITEM_PATH, "-m", SniBus.ITEM + ".Activate", "100", "10");
        assertEquals("activated", heard.poll(WAIT_SECONDS, TimeUnit.SECONDS), "a click on the icon reaches the app");

        // the panel restarts: the item is listed again by the new watcher, with no help from the app
        first.destroy();
        first.waitFor(5, TimeUnit.SECONDS);
        watcher();
        String again = until(tray.busName(), this::registered);
        assertTrue(again.contains(tray.busName()), "registered again after the watcher restarted: " + again);
    }
}
