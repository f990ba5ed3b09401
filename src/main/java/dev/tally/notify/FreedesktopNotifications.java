package dev.tally.notify;

import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBus;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Linux desktop notifications: {@code org.freedesktop.Notifications.Notify} on the session D-Bus (what
 * {@code notify-send} uses), with app name {@value #APP_NAME}, an optional icon name, no actions and the
 * server's default timeout.
 *
 * <p>All D-Bus work runs on one daemon thread named {@code tally-notify}; each call opens its own private
 * connection and closes it afterwards, so no D-Bus threads outlive a call. {@link #send} queues and returns at
 * once. {@link #isAvailable()} asks the bus whether the service is running or can be started; the first call
 * waits at most the probe timeout (default 2 s, also the cap on a bus that never answers), then the answer is
 * cached: a "yes" until a send fails, a "no" for {@value #RETRY_SECONDS} s. Never throws; failures are logged.
 * {@link #close()} stops the worker.
 */
public final class FreedesktopNotifications implements DesktopNotifications, AutoCloseable {
    public static final String APP_NAME = "Tally";
    public static final String SERVICE = "org.freedesktop.Notifications";
    public static final String OBJECT_PATH = "/org/freedesktop/Notifications";
    /** The app icon's name in the freedesktop icon theme (the packages install it into hicolor). */
    public static final String ICON_NAME = "tally";
    static final int RETRY_SECONDS = 60;
    /** The server's default expiry, per the notification spec. */
    static final int DEFAULT_EXPIRY = -1;
    private static final System.Logger LOG = System.getLogger(FreedesktopNotifications.class.getName());

    /** The part of the notification service's D-Bus interface Tally calls. Public for dbus-java's proxies. */
    @DBusInterfaceName(SERVICE)
    public interface NotificationsBus extends DBusInterface {
        /**
         * Per the Desktop Notifications Specification: {@code Notify(susssasa{sv}i) → u}. The name is the D-Bus
         * member name.
         */
        UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                      List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

        /** The user chose an action ({@code "default"}: clicked the notification). */
        class ActionInvoked extends DBusSignal {
            public final UInt32 id;
            public final String actionKey;

            public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
                super(path, id, actionKey);
                this.id = id;
                this.actionKey = actionKey;
            }
        }
    }

    /** The action a click on the notification invokes, per the specification. */
    public static final String DEFAULT_ACTION = "default";
    /** The {@code urgency} hint's values. */
    static final byte NORMAL = 1;
    static final byte CRITICAL = 2;

    private record Probe(boolean ok, long atNanos) {
    }

    private final String address;
    private final String iconName;
    private final Duration timeout;
    private final ExecutorService worker;
    private volatile Probe probe;
    // worker thread only: the connection notices go through (the server answers a click to the sender), the
    // notification each key shows now, and what a click on each does
    private DBusConnection noticeConnection;
    private final Map<String, UInt32> shownByKey = new java.util.HashMap<>();
    private final Map<Long, Runnable> clicks = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param busAddress the session bus address (as in {@code DBUS_SESSION_BUS_ADDRESS}), or {@code null} when
     *                   there is no session bus (then never available)
     * @param iconName   a freedesktop icon name or an absolute {@code file://} URI, or {@code null} for none
     * @param timeout    the most any availability check waits for the bus
     */
    public FreedesktopNotifications(String busAddress, String iconName, Duration timeout) {
        this.address = busAddress == null || busAddress.isBlank() ? null : busAddress;
        this.iconName = iconName == null ? "" : iconName;
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tally-notify");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * For the user's session bus as the environment describes it; 2 s probe timeout; the app icon {@value #ICON_NAME}
     * when an installed package put it into the icon theme, else the app's own icon copied to a file under
     * {@code $XDG_CACHE_HOME/tally} (run from source or from the tarball), else no icon.
     */
    public static FreedesktopNotifications forSession(Map<String, String> env) {
        Path home = Path.of(System.getProperty("user.home"));
        String icon = themeIcon(env, home);
        if (icon == null) {
            icon = IconFile.cached(env, home);
        }
        return new FreedesktopNotifications(sessionAddress(env), icon, Duration.ofSeconds(2));
    }

    /**
     * {@value #ICON_NAME} when {@code icons/hicolor/scalable/apps/tally.svg} is in one of the XDG data folders
     * ({@code XDG_DATA_HOME}, default {@code ~/.local/share}, then {@code XDG_DATA_DIRS}, default
     * {@code /usr/local/share:/usr/share}), else {@code null}. Never throws.
     */
    static String themeIcon(Map<String, String> env, Path userHome) {
        List<String> dirs = new ArrayList<>();
        String home = env.get("XDG_DATA_HOME");
        dirs.add(home != null && !home.isBlank() ? home : userHome.resolve(".local/share").toString());
        String data = env.get("XDG_DATA_DIRS");
        dirs.addAll(Arrays.asList((data != null && !data.isBlank() ? data : "/usr/local/share:/usr/share").split(":")));
        for (String d : dirs) {
            try {
                if (!d.isBlank() && Files.isRegularFile(Path.of(d, "icons/hicolor/scalable/apps", ICON_NAME + ".svg"))) {
                    return ICON_NAME;
                }
            } catch (RuntimeException e) {
                // an unusable folder name: look at the next
            }
        }
        return null;
    }

    /**
     * {@code DBUS_SESSION_BUS_ADDRESS}, else {@code unix:path=$XDG_RUNTIME_DIR/bus} when that socket exists,
     * else {@code null}. Only the first of several {@code ;}-separated addresses is used.
     */
    static String sessionAddress(Map<String, String> env) {
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

    @Override
    public boolean isAvailable() {
        if (address == null) {
            return false;
        }
        Probe p = probe;
        long now = System.nanoTime();
        if (p != null && (p.ok() || now - p.atNanos() < TimeUnit.SECONDS.toNanos(RETRY_SECONDS))) {
            return p.ok();
        }
        boolean ok;
        try {
            Future<Boolean> f = worker.submit(this::serviceOnBus);
            try {
                ok = f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                LOG.log(System.Logger.Level.WARNING, "session D-Bus did not answer within {0} ms", timeout.toMillis());
                ok = false;
            }
        } catch (ExecutionException e) {
            LOG.log(System.Logger.Level.INFO, "no notification service on the session D-Bus: {0}", e.getCause().toString());
            ok = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ok = false;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.INFO, "notification check not run: {0}", e.toString());
            ok = false;
        }
        probe = new Probe(ok, now);
        return ok;
    }

    private boolean serviceOnBus() throws DBusException, IOException {
        try (DBusConnection c = connect()) {
            DBus bus = c.getRemoteObject("org.freedesktop.DBus", "/org/freedesktop/DBus", DBus.class);
            return bus.NameHasOwner(SERVICE) || Arrays.asList(bus.ListActivatableNames()).contains(SERVICE);
        }
    }

    private DBusConnection connect() throws DBusException {
        return DBusConnectionBuilder.forAddress(address).withShared(false).build();
    }

    @Override
    public void send(String title, String body) {
        if (address == null) {
            LOG.log(System.Logger.Level.INFO, "no session D-Bus; notification not shown: {0}", title);
            return;
        }
        String summary = Objects.requireNonNullElse(title, "");
        String text = Objects.requireNonNullElse(body, "");
        try {
            worker.execute(() -> notifyNow(summary, text));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "notification not queued: {0}", e.toString());
        }
    }

    /**
     * Like {@link #send}, but waits up to {@code wait} for the notification to be handed to the bus: for a process
     * about to exit. Never throws.
     */
    public void sendAndWait(String title, String body, Duration wait) {
        if (address == null) {
            LOG.log(System.Logger.Level.INFO, "no session D-Bus; notification not shown: {0}", title);
            return;
        }
        try {
            worker.submit(() -> notifyNow(Objects.requireNonNullElse(title, ""), Objects.requireNonNullElse(body, "")))
                    .get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "notification not confirmed: {0}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void notifyNow(String summary, String body) {
        try (DBusConnection c = connect()) {
            NotificationsBus n = c.getRemoteObject(SERVICE, OBJECT_PATH, NotificationsBus.class);
            n.Notify(APP_NAME, new UInt32(0), iconName, summary, body, List.of(), Map.of(), DEFAULT_EXPIRY);
        } catch (DBusException | IOException | RuntimeException e) {
            probe = new Probe(false, System.nanoTime());
            LOG.log(System.Logger.Level.WARNING, "desktop notification failed: {0}", e.toString());
        }
    }

    /**
     * Sends {@code notice}: {@code replaces_id} is the notification shown for the same key, if any; the
     * {@code urgency} hint is critical for an urgent notice; with an {@code onClick}, the {@value #DEFAULT_ACTION}
     * action, whose {@code ActionInvoked} runs it. Notices share one connection, kept open until {@link #close()}
     * (the server sends the click to the connection that asked). Returns at once; never throws.
     */
    @Override
    public void send(Notice notice) {
        if (address == null) {
            LOG.log(System.Logger.Level.INFO, "no session D-Bus; notification not shown: {0}", notice.title());
            return;
        }
        try {
            worker.execute(() -> noticeNow(notice));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "notification not queued: {0}", e.toString());
        }
    }

    /** Worker thread. */
    private void noticeNow(Notice notice) {
        try {
            if (noticeConnection == null || !noticeConnection.isConnected()) {
                noticeConnection = connect();
                shownByKey.clear();
                noticeConnection.addSigHandler(NotificationsBus.ActionInvoked.class, signal -> {
                    Runnable click = clicks.get(signal.id.longValue());
                    if (click != null && DEFAULT_ACTION.equals(signal.actionKey)) {
                        click.run();
                    }
                });
            }
            NotificationsBus n = noticeConnection.getRemoteObject(SERVICE, OBJECT_PATH, NotificationsBus.class);
            UInt32 replaces = shownByKey.getOrDefault(notice.key(), new UInt32(0));
            List<String> actions = notice.onClick() == null ? List.of() : List.of(DEFAULT_ACTION, NotifyPhrase.OPEN_TALLY.say());
            Map<String, Variant<?>> hints = Map.of("urgency", new Variant<>(notice.urgent() ? CRITICAL : NORMAL),
                    "desktop-entry", new Variant<>("tally"));
            UInt32 id = n.Notify(APP_NAME, replaces, iconName, notice.title(), notice.body(), actions, hints,
                    DEFAULT_EXPIRY);
            shownByKey.put(notice.key(), id);
            clicks.remove(replaces.longValue());
            if (notice.onClick() != null) {
                clicks.put(id.longValue(), notice.onClick());
            }
        } catch (DBusException | RuntimeException e) {
            probe = new Probe(false, System.nanoTime());
            LOG.log(System.Logger.Level.WARNING, "desktop notification failed: {0}", e.toString());
        }
    }

    /** Stops the worker (queued notifications are dropped) and closes the notices' connection. */
    @Override
    public void close() {
        worker.shutdownNow();
        DBusConnection c = noticeConnection;
        if (c != null) {
            try {
                c.close();
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.INFO, "while closing the notifications connection: {0}", e.toString());
            }
        }
    }
}
