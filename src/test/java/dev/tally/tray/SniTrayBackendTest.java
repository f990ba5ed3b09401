package dev.tally.tray;

import dev.tally.core.FetchError;
import dev.tally.secret.PrivateBus;
import dev.tally.status.State;
import dev.tally.testing.Slow;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The StatusNotifierItem and its dbusmenu against a private {@code dbus-daemon}, with a small watcher written here
 * that records who registers; a second connection plays the panel.
 */
@Slow
class SniTrayBackendTest {
    private static final long WAIT = 10;

    /** Stands in for the panel's watcher: owns org.kde.StatusNotifierWatcher and remembers every registration. */
    static final class FakeWatcher implements SniBus.Watcher {
        final BlockingQueue<String> items = new LinkedBlockingQueue<>();

        @Override
        public void RegisterStatusNotifierItem(String service) {
            items.add(service);
        }

        @Override
        public void RegisterStatusNotifierHost(String service) {
        }

        @Override
        public String getObjectPath() {
            return SniBus.WATCHER_PATH;
        }
    }

    @TempDir
    Path dir;
    private PrivateBus bus;
    private DBusConnection watcherConnection;
    private DBusConnection panel;
    private SniTrayBackend tray;
    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();

    @AfterEach
    void stop() throws Exception {
        if (tray != null) {
            tray.remove();
        }
        for (DBusConnection c : new DBusConnection[]{watcherConnection, panel}) {
            if (c != null) {
                c.close();
            }
        }
        if (bus != null) {
            bus.close();
        }
    }

    private String address() {
        return bus.env().get("DBUS_SESSION_BUS_ADDRESS");
    }

    private FakeWatcher startWatcher() throws Exception {
        FakeWatcher w = new FakeWatcher();
        watcherConnection = DBusConnectionBuilder.forAddress(address()).withShared(false).build();
        watcherConnection.requestBusName(SniBus.WATCHER);
        watcherConnection.exportObject(SniBus.WATCHER_PATH, w);
        return w;
    }

    private SniTrayBackend backend() {
        return new SniTrayBackend(address(), Runnable::run, new TrayBackend.Listener() {
            @Override
            public void onAction(TrayAction action) {
                heard.add("action " + action);
            }

            @Override
            public void onIconActivated(TrayBackend.Click at) {
                heard.add("activated at " + at.x() + "," + at.y());
            }

            @Override
            public void onOpenAccount(String accountId) {
                heard.add("open " + accountId);
            }
        }, Duration.ofSeconds(WAIT));
    }

    private static TrayPresenter.View lowAndRejected() {
        return TrayPresenter.present(List.of(
                ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "3.10")),
                failed(moonshot(), null, new FetchError.AuthFailed("rejected"), minutesAgo(3))), NOW, false);
    }

    private static TrayPresenter.View allFine() {
        return TrayPresenter.present(List.of(ok(deepseekWork(), balance("deepseek", minutesAgo(3), "CNY", "110.00"))),
                NOW, false);
    }

    private FakeWatcher started() throws Exception {
        bus = PrivateBus.start(dir);
        FakeWatcher watcher = startWatcher();
        panel = DBusConnectionBuilder.forAddress(address()).withShared(false).build();
        tray = backend();
        assertTrue(tray.isSupported(), "a watcher owns its name, so the item can be shown");
        return watcher;
    }

    private Map<String, Variant<?>> itemProperties() throws Exception {
        Properties p = panel.getRemoteObject(tray.busName(), SniBus.ITEM_PATH, Properties.class);
        return p.GetAll(SniBus.ITEM);
    }

    @Test
    void registersWithTheWatcherAndShowsTheWorstStateWithAShortTooltip() throws Exception {
        FakeWatcher watcher = started();
        TrayPresenter.View v = lowAndRejected();
        assertTrue(v.showOn(tray).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals(tray.busName(), watcher.items.poll(WAIT, TimeUnit.SECONDS));

        Map<String, Variant<?>> p = itemProperties();
        assertEquals("tally", p.get("Id").getValue());
        assertEquals("ApplicationStatus", p.get("Category").getValue());
        assertEquals("Tally", p.get("Title").getValue());
        assertEquals("NeedsAttention", p.get("Status").getValue(), "an account's key is rejected");
        assertEquals(false, p.get("ItemIsMenu").getValue());
        assertEquals(SniBus.MENU_PATH, ((DBusPath) p.get("Menu").getValue()).getPath());
        assertEquals("a(iiay)", p.get("IconPixmap").getSig());
        List<?> icons = (List<?>) p.get("IconPixmap").getValue();
        assertEquals(SniTrayBackend.ICON_SIZES.size(), icons.size(), "one image per size: " + icons);
        Object[] tip = (Object[]) p.get("ToolTip").getValue();
        assertEquals("Tally", tip[2], "the tooltip's title");
        assertEquals("2 need attention · lowest ¥3.10", tip[3], "and its text, without the title again");
    }

    @Test
    void theMenuListsEveryAccountWorstFirstAndAClickOpensItsCard() throws Exception {
        started();
        assertTrue(lowAndRejected().showOn(tray).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        SniBus.Menu menu = panel.getRemoteObject(tray.busName(), SniBus.MENU_PATH, SniBus.Menu.class);
        SniBus.Reply<UInt32, SniBus.Layout> reply = menu.GetLayout(0, -1, List.of());
        List<String> labels = new ArrayList<>();
        for (Variant<?> child : reply.second.children) {
            Object[] item = (Object[]) child.getValue();
            @SuppressWarnings("unchecked")
            Map<String, Variant<?>> props = (Map<String, Variant<?>>) item[1];
            labels.add(props.containsKey("label") ? (String) props.get("label").getValue() : "---");
        }
        assertEquals(List.of("✕ Moonshot — key rejected · 3 min ago",
                "⚠ DeepSeek (work) — ¥3.10 (below ¥5.00) · 3 min ago", "---", "Refresh all", "Open Tally",
                "Settings…", "---", "Quit"), labels);

        menu.Event(2, "clicked", new Variant<>(""), new UInt32(0));
        assertEquals("open deepseek-work", heard.poll(WAIT, TimeUnit.SECONDS));
        menu.Event(8, "clicked", new Variant<>(""), new UInt32(0));
        assertEquals("action QUIT", heard.poll(WAIT, TimeUnit.SECONDS));

        SniBus.Item item = panel.getRemoteObject(tray.busName(), SniBus.ITEM_PATH, SniBus.Item.class);
        item.Activate(1200, 24);
        assertEquals("activated at 1200,24", heard.poll(WAIT, TimeUnit.SECONDS), "the window opens by the click");
    }

    @Test
    void aStateChangeSendsNewIconNewStatusAndANewLayout() throws Exception {
        started();
        BlockingQueue<String> signals = new LinkedBlockingQueue<>();
        panel.addSigHandler(SniBus.Item.NewIcon.class, s -> signals.add("NewIcon"));
        panel.addSigHandler(SniBus.Item.NewStatus.class, s -> signals.add("NewStatus " + s.status));
        panel.addSigHandler(SniBus.Menu.LayoutUpdated.class, s -> signals.add("LayoutUpdated"));
        assertTrue(allFine().showOn(tray).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals("Active", itemProperties().get("Status").getValue());

        lowAndRejected().updateOn(tray);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String s = signals.poll(WAIT, TimeUnit.SECONDS);
            assertNotNull(s, "signals so far: " + got);
            got.add(s);
        }
        assertTrue(got.containsAll(List.of("NewIcon", "NewStatus NeedsAttention", "LayoutUpdated")), got.toString());
        assertEquals("NeedsAttention", itemProperties().get("Status").getValue());
    }

    @Test
    void registersAgainWhenTheWatcherRestarts() throws Exception {
        FakeWatcher first = started();
        assertTrue(allFine().showOn(tray).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals(tray.busName(), first.items.poll(WAIT, TimeUnit.SECONDS));

        watcherConnection.close(); // the panel quits
        FakeWatcher second = startWatcher(); // and comes back
        assertEquals(tray.busName(), second.items.poll(WAIT, TimeUnit.SECONDS),
                "the item registers with the new watcher by itself");
    }

    @Test
    void aRestartedPanelThatExportsItsWatcherLateStillGetsTheItem() throws Exception {
        FakeWatcher first = started();
        assertTrue(allFine().showOn(tray).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertEquals(tray.busName(), first.items.poll(WAIT, TimeUnit.SECONDS));

        watcherConnection.close();
        FakeWatcher second = new FakeWatcher();
        watcherConnection = DBusConnectionBuilder.forAddress(address()).withShared(false).build();
        watcherConnection.requestBusName(SniBus.WATCHER); // the name first: the item's first call finds no object
        Thread.sleep(1_500);
        watcherConnection.exportObject(SniBus.WATCHER_PATH, second);
        assertEquals(tray.busName(), second.items.poll(WAIT + 10, TimeUnit.SECONDS),
                "the item asks again until the new watcher answers");
    }

    @Test
    void withoutAWatcherThereIsNoSniTray() throws Exception {
        bus = PrivateBus.start(dir);
        tray = backend();
        assertFalse(tray.isSupported());
        assertFalse(tray.show(State.OK, "Tally", List.of()).toCompletableFuture().get(WAIT, TimeUnit.SECONDS));
        assertFalse(new SniTrayBackend(null, Runnable::run, a -> { }, Duration.ofSeconds(1)).isSupported(),
                "no session bus at all");
    }
}
