package dev.tally.tray;

import dev.tally.status.Phrase;
import dev.tally.status.State;
import org.freedesktop.dbus.DBusPath;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.Properties;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The tray as a StatusNotifierItem on the session D-Bus, the way KDE Plasma, GNOME (with the AppIndicator
 * extension), XFCE, Cinnamon, MATE, LXQt, waybar and other panels show tray icons on X11 and Wayland alike: the panel
 * draws the icon and a native {@code com.canonical.dbusmenu} menu, themed and sized by the desktop.
 *
 * <p>Exports {@code org.kde.StatusNotifierItem} at {@value SniBus#ITEM_PATH} and the menu at
 * {@value SniBus#MENU_PATH} under a name of its own, and registers that name with {@code org.kde.StatusNotifierWatcher};
 * when the watcher's name gets a new owner (the panel restarted), it registers again. Icon images come from
 * {@link TrayIconRenderer} (plain Java, none of AWT or Java2D), at {@link #ICON_SIZES}.
 *
 * <p>Threads: all outgoing D-Bus work (connecting, registering, signals) runs on one daemon thread named
 * {@code tally-sni}; public methods return at once from any thread. Calls from the panel arrive on dbus-java's
 * threads and read an immutable snapshot; listener callbacks and the {@link #show} result are handed to the injected
 * UI executor. Nothing here throws for bus failures: they are logged.
 */
public final class SniTrayBackend implements TrayBackend {
    private static final System.Logger LOG = System.getLogger(SniTrayBackend.class.getName());
    /** The icon sizes offered to the panel, which picks the one that fits. */
    public static final List<Integer> ICON_SIZES = List.of(16, 22, 24, 32, 48, 64);
    /** The item's {@code Id}. */
    public static final String ID = "tally";
    public static final String TITLE = "Tally";
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final String address;
    private final Executor ui;
    private final Listener listener;
    private final Duration timeout;
    private final String busName;
    private final ScheduledExecutorService worker;
    private final Object supportLock = new Object();
    private volatile Boolean supported;
    private volatile boolean showing;
    /** What the panel reads; replaced whole on every change. */
    private volatile Shown shown = new Shown(State.NO_DATA, TITLE, List.of(), 0);

    // on the worker thread only
    private DBusConnection connection;
    private AutoCloseable ownerWatch;
    private final Map<State, List<SniBus.Pixmap>> pixmaps = new EnumMap<>(State.class);

    /** One consistent picture of the item: icon, tooltip, menu and its layout revision. */
    private record Shown(State state, String tooltip, List<TrayMenu.Entry> menu, int revision) {
    }

    /**
     * @param busAddress the session bus address ({@code DBUS_SESSION_BUS_ADDRESS}), or {@code null}: then never
     *                   supported
     * @param ui         runs callbacks on the UI thread; tests may pass {@code Runnable::run}
     * @param listener   receives activation and menu choices on {@code ui}
     * @param timeout    the most {@link #isSupported()} waits for the bus
     */
    public SniTrayBackend(String busAddress, Executor ui, Listener listener, Duration timeout) {
        this.address = busAddress == null || busAddress.isBlank() ? null : busAddress;
        this.ui = Objects.requireNonNull(ui, "ui");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.busName = "org.kde.StatusNotifierItem-" + ProcessHandle.current().pid() + "-"
                + INSTANCES.incrementAndGet();
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tally-sni");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * {@code DBUS_SESSION_BUS_ADDRESS} (its first address), else {@code unix:path=$XDG_RUNTIME_DIR/bus} when that
     * socket exists, else {@code null}.
     */
    public static String sessionAddress(Map<String, String> env) {
        String a = env.get("DBUS_SESSION_BUS_ADDRESS");
        if (a != null && !a.isBlank()) {
            return a.split(";", 2)[0];
        }
        String runtime = env.get("XDG_RUNTIME_DIR");
        if (runtime != null && !runtime.isBlank()) {
            Path bus = Path.of(runtime, "bus");
            if (Files.exists(bus)) {
                return "unix:path=" + bus;
            }
        }
        return null;
    }

    /** The well-known name the item is exported under, e.g. {@code org.kde.StatusNotifierItem-4242-1}. */
    public String busName() {
        return busName;
    }

    /**
     * True when a StatusNotifierWatcher owns its name on the session bus now. Asked once (waiting at most the
     * timeout), then cached; never throws.
     */
    @Override
    public boolean isSupported() {
        Boolean s = supported;
        if (s != null) {
            return s;
        }
        synchronized (supportLock) {
            if (supported == null) {
                supported = probe();
            }
            return supported;
        }
    }

    private boolean probe() {
        if (address == null) {
            return false;
        }
        Future<Boolean> f = worker.submit(() -> watcherPresent(connect()));
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            LOG.log(System.Logger.Level.WARNING, "session D-Bus did not answer within {0} ms", timeout.toMillis());
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.log(System.Logger.Level.INFO, "no StatusNotifierItem tray: {0}", e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "StatusNotifierItem check not run: {0}", e.toString());
        }
        return false;
    }

    /** Worker thread. */
    private DBusConnection connect() throws DBusException {
        if (connection == null || !connection.isConnected()) {
            // one thread for the panel's calls (each reads a snapshot and returns at once), not dbus-java's four
            connection = DBusConnectionBuilder.forAddress(address).withShared(false)
                    .receivingThreadConfig().withMethodCallThreadCount(1).connectionConfig()
                    .build();
        }
        return connection;
    }

    private static boolean watcherPresent(DBusConnection c) throws DBusException {
        DBus bus = c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
        return bus.NameHasOwner(SniBus.WATCHER);
    }

    @Override
    public CompletionStage<Boolean> show(State state, String tooltip, List<TrayMenu.Entry> menu) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        if (!isSupported()) {
            deliver(() -> result.complete(false));
            return result;
        }
        List<TrayMenu.Entry> entries = List.copyOf(menu);
        try {
            worker.execute(() -> {
                boolean ok;
                try {
                    if (!showing) {
                        publish(state, tooltip, entries, false);
                        export();
                        register();
                        showing = true;
                    } else {
                        publish(state, tooltip, entries, true);
                    }
                    ok = true;
                } catch (DBusException | RuntimeException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not add the StatusNotifierItem: " + e);
                    ok = false;
                }
                boolean outcome = ok;
                deliver(() -> result.complete(outcome));
            });
        } catch (RuntimeException e) {
            deliver(() -> result.complete(false));
        }
        return result;
    }

    /** Worker thread: exports item and menu under our own name and follows the watcher's owner. */
    private void export() throws DBusException {
        DBusConnection c = connect();
        c.requestBusName(busName);
        c.exportObject(SniBus.ITEM_PATH, new ItemObject());
        c.exportObject(SniBus.MENU_PATH, new MenuObject());
        ownerWatch = c.addSigHandler(DBus.NameOwnerChanged.class, signal -> {
            if (SniBus.WATCHER.equals(signal.name) && signal.newOwner != null && !signal.newOwner.isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "the StatusNotifierWatcher is back; registering again");
                runOnWorker(() -> registerQuietly(1));
            }
        });
    }

    /** Worker thread. */
    private void register() throws DBusException {
        SniBus.Watcher watcher = connection.getRemoteObject(SniBus.WATCHER, SniBus.WATCHER_PATH, SniBus.Watcher.class);
        watcher.RegisterStatusNotifierItem(busName);
    }

    /** How often a restarted watcher is asked again when it is not ready to take the item yet. */
    static final int REGISTER_TRIES = 6;

    /**
     * Worker thread. A panel that has just taken the watcher's name may not have exported the watcher object
     * yet; the item asks again after 0.5, 1, 2, 4 and 8 s before it gives up and says so in the log.
     */
    private void registerQuietly(int attempt) {
        if (!showing) {
            return;
        }
        try {
            register();
        } catch (DBusException | RuntimeException e) {
            if (attempt < REGISTER_TRIES && !worker.isShutdown()) {
                long delay = 500L << (attempt - 1);
                try {
                    worker.schedule(() -> registerQuietly(attempt + 1), delay, TimeUnit.MILLISECONDS);
                    return;
                } catch (RuntimeException notQueued) {
                    // shutting down: fall through and log
                }
            }
            LOG.log(System.Logger.Level.WARNING, "could not register with the StatusNotifierWatcher: " + e);
        }
    }

    @Override
    public void update(State state, String tooltip, List<TrayMenu.Entry> menu) {
        if (!Boolean.TRUE.equals(supported)) {
            return;
        }
        List<TrayMenu.Entry> entries = List.copyOf(menu);
        runOnWorker(() -> {
            if (showing) {
                publish(state, tooltip, entries, true);
            }
        });
    }

    /** Worker thread: takes the new picture and tells the panel what changed. */
    private void publish(State state, String tooltip, List<TrayMenu.Entry> menu, boolean signal) {
        Shown before = shown;
        boolean menuChanged = !before.menu().equals(menu);
        Shown now = new Shown(state, tooltip, menu, menuChanged ? before.revision() + 1 : before.revision());
        shown = now;
        if (!signal) {
            return;
        }
        if (before.state() != state) {
            send(() -> new SniBus.Item.NewIcon(SniBus.ITEM_PATH));
            send(() -> new SniBus.Item.NewAttentionIcon(SniBus.ITEM_PATH));
            if (!status(before.state()).equals(status(state))) {
                send(() -> new SniBus.Item.NewStatus(SniBus.ITEM_PATH, status(state)));
            }
        }
        if (!before.tooltip().equals(tooltip)) {
            send(() -> new SniBus.Item.NewToolTip(SniBus.ITEM_PATH));
        }
        if (menuChanged) {
            send(() -> new SniBus.Menu.LayoutUpdated(SniBus.MENU_PATH, new UInt32(now.revision()), 0));
        }
    }

    private interface SignalMaker {
        DBusSignal make() throws DBusException;
    }

    private void send(SignalMaker signal) {
        try {
            if (connection != null) {
                connection.sendMessage(signal.make());
            }
        } catch (DBusException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "could not tell the panel about a change: " + e);
        }
    }

    /** {@code NeedsAttention} when an account is low or failing, else {@code Active}. */
    static String status(State state) {
        return state == State.LOW || state == State.EMPTY || state == State.ERROR ? "NeedsAttention" : "Active";
    }

    @Override
    public void remove() {
        runOnWorker(() -> {
            showing = false;
            if (connection == null) {
                return;
            }
            try {
                if (ownerWatch != null) {
                    ownerWatch.close();
                }
                connection.unExportObject(SniBus.ITEM_PATH);
                connection.unExportObject(SniBus.MENU_PATH);
                connection.releaseBusName(busName);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.INFO, "while removing the StatusNotifierItem: " + e);
            }
            try {
                connection.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "while closing the tray's D-Bus connection: " + e);
            }
            connection = null;
            ownerWatch = null;
        });
    }

    @Override
    public boolean isShowing() {
        return showing;
    }

    private void runOnWorker(Runnable r) {
        Handoff.run(worker, r, "tray work failed", "tray work not queued");
    }

    private void deliver(Runnable r) {
        Handoff.run(ui, r, "tray callback failed", "could not hand a tray event to the UI thread");
    }

    /** The icon of {@code state} at every size in {@link #ICON_SIZES}, ARGB32 in network byte order. */
    static List<SniBus.Pixmap> pixmaps(State state) {
        List<SniBus.Pixmap> out = new ArrayList<>();
        for (int size : ICON_SIZES) {
            int[] argb = TrayIconRenderer.argb(state, size);
            byte[] data = new byte[argb.length * 4];
            int i = 0;
            for (int pixel : argb) {
                data[i++] = (byte) (pixel >>> 24);
                data[i++] = (byte) (pixel >>> 16);
                data[i++] = (byte) (pixel >>> 8);
                data[i++] = (byte) pixel;
            }
            out.add(new SniBus.Pixmap(size, size, data));
        }
        return List.copyOf(out);
    }

    private List<SniBus.Pixmap> pixmapsCached(State state) {
        synchronized (pixmaps) {
            return pixmaps.computeIfAbsent(state, SniTrayBackend::pixmaps);
        }
    }

    private static Variant<?> pixmapVariant(List<SniBus.Pixmap> images) {
        return new Variant<>(images, "a(iiay)");
    }

    /** The item's properties now, by D-Bus name. */
    Map<String, Variant<?>> itemProperties() {
        Shown s = shown;
        List<SniBus.Pixmap> icon = pixmapsCached(s.state());
        Map<String, Variant<?>> p = new LinkedHashMap<>();
        p.put("Category", new Variant<>("ApplicationStatus"));
        p.put("Id", new Variant<>(ID));
        p.put("Title", new Variant<>(TITLE));
        p.put("Status", new Variant<>(status(s.state())));
        p.put("WindowId", new Variant<>(0));
        p.put("IconName", new Variant<>(""));
        p.put("IconPixmap", pixmapVariant(icon));
        p.put("OverlayIconName", new Variant<>(""));
        p.put("OverlayIconPixmap", pixmapVariant(List.of()));
        p.put("AttentionIconName", new Variant<>(""));
        p.put("AttentionIconPixmap", pixmapVariant(icon));
        p.put("AttentionMovieName", new Variant<>(""));
        p.put("IconThemePath", new Variant<>(""));
        p.put("ToolTip", new Variant<>(new SniBus.ToolTip("", List.of(), TITLE, toolTipText(s.tooltip())),
                "(sa(iiay)ss)"));
        p.put("ItemIsMenu", new Variant<>(false));
        p.put("Menu", new Variant<>(new DBusPath(SniBus.MENU_PATH)));
        return p;
    }

    /** The tooltip's text under its title: panels show the title ({@value #TITLE}) already, so not twice. */
    static String toolTipText(String tooltip) {
        String prefix = Phrase.TRAY_TOOLTIP.say("");
        return tooltip.startsWith(prefix) ? tooltip.substring(prefix.length()) : tooltip;
    }

    /** A click on menu item {@code id} of {@code menu}, handed to the listener. Any thread. */
    private void clicked(List<TrayMenu.Entry> menu, int id) {
        if (id < 1 || id > menu.size()) {
            return;
        }
        switch (menu.get(id - 1)) {
            case TrayMenu.Row row -> deliver(() -> listener.onOpenAccount(row.accountId()));
            case TrayMenu.Action action when action.enabled() -> deliver(() -> listener.onAction(action.action()));
            default -> {
                // info lines and separators do nothing
            }
        }
    }

    /** The exported item. Its methods run on dbus-java's threads. */
    private final class ItemObject implements SniBus.Item, Properties {
        @Override
        public void Activate(int x, int y) {
            Click at = x == 0 && y == 0 ? null : new Click(x, y);
            deliver(() -> listener.onIconActivated(at));
        }

        @Override
        public void SecondaryActivate(int x, int y) {
            Activate(x, y);
        }

        @Override
        public void ContextMenu(int x, int y) {
            // only asked of items whose panel cannot show the menu itself: the window has the same commands
            Activate(x, y);
        }

        @Override
        public void Scroll(int delta, String orientation) {
            // nothing to scroll
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String name) {
            Variant<?> v = itemProperties().get(name);
            if (v == null) {
                throw new DBusExecutionException("no property " + name);
            }
            return (A) v;
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
            throw new DBusExecutionException("the item's properties are read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            return itemProperties();
        }

        @Override
        public String getObjectPath() {
            return SniBus.ITEM_PATH;
        }
    }

    /** The exported menu. Its methods run on dbus-java's threads. */
    private final class MenuObject implements SniBus.Menu, Properties {
        @Override
        public SniBus.Reply<UInt32, SniBus.Layout> GetLayout(int parentId, int recursionDepth, List<String> propertyNames) {
            Shown s = shown;
            return new SniBus.Reply<>(new UInt32(s.revision()), SniMenu.layout(s.menu(), parentId, recursionDepth,
                    propertyNames));
        }

        @Override
        public List<SniBus.ItemProperties> GetGroupProperties(List<Integer> ids, List<String> propertyNames) {
            List<TrayMenu.Entry> menu = shown.menu();
            List<SniBus.ItemProperties> out = new ArrayList<>();
            List<Integer> wanted = ids == null || ids.isEmpty() ? allIds(menu) : ids;
            for (int id : wanted) {
                if (id == 0) {
                    out.add(new SniBus.ItemProperties(0, SniMenu.only(SniMenu.rootProperties(), propertyNames)));
                } else if (id >= 1 && id <= menu.size()) {
                    out.add(new SniBus.ItemProperties(id, SniMenu.only(SniMenu.entryProperties(menu.get(id - 1)), propertyNames)));
                }
            }
            return out;
        }

        private static List<Integer> allIds(List<TrayMenu.Entry> menu) {
            List<Integer> ids = new ArrayList<>();
            for (int i = 0; i <= menu.size(); i++) {
                ids.add(i);
            }
            return ids;
        }

        @Override
        public Variant<?> GetProperty(int id, String name) {
            List<TrayMenu.Entry> menu = shown.menu();
            Map<String, Variant<?>> p = id == 0 ? SniMenu.rootProperties()
                    : id >= 1 && id <= menu.size() ? SniMenu.entryProperties(menu.get(id - 1)) : Map.of();
            Variant<?> v = p.get(name);
            if (v == null) {
                throw new DBusExecutionException("no property " + name + " on menu item " + id);
            }
            return v;
        }

        @Override
        public void Event(int id, String eventId, Variant<?> data, UInt32 timestamp) {
            if ("clicked".equals(eventId)) {
                clicked(shown.menu(), id);
            }
        }

        @Override
        public List<Integer> EventGroup(List<SniBus.MenuEvent> events) {
            List<Integer> missing = new ArrayList<>();
            int size = shown.menu().size();
            for (SniBus.MenuEvent e : events) {
                if (e.id < 0 || e.id > size) {
                    missing.add(e.id);
                } else {
                    Event(e.id, e.eventId, e.data, e.timestamp);
                }
            }
            return missing;
        }

        @Override
        public boolean AboutToShow(int id) {
            return false;
        }

        @Override
        public SniBus.Reply<List<Integer>, List<Integer>> AboutToShowGroup(List<Integer> ids) {
            return new SniBus.Reply<>(List.of(), List.of());
        }

        @Override
        @SuppressWarnings("unchecked")
        public <A> A Get(String iface, String name) {
            Variant<?> v = SniMenu.menuProperties().get(name);
            if (v == null) {
                throw new DBusExecutionException("no property " + name);
            }
            return (A) v;
        }

        @Override
        public <A> void Set(String iface, String name, A value) {
            throw new DBusExecutionException("the menu's properties are read-only");
        }

        @Override
        public Map<String, Variant<?>> GetAll(String iface) {
            return SniMenu.menuProperties();
        }

        @Override
        public String getObjectPath() {
            return SniBus.MENU_PATH;
        }
    }
}
