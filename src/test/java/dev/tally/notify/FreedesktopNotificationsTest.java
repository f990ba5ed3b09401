package dev.tally.notify;

import dev.tally.testing.Slow;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Against a private {@code dbus-daemon} with a fake notification service that records every Notify call. */
@Slow
class FreedesktopNotificationsTest {
    private static final String BODY = "DeepSeek (work): ¥4.20 left — below your ¥5.00 alert";

    /** One recorded Notify call. */
    record Call(String appName, long replacesId, String icon, String summary, String body, List<String> actions,
                int expireTimeout) {
    }

    /** Stands in for dunst / GNOME Shell: owns org.freedesktop.Notifications and remembers what it was asked. */
    static final class FakeNotificationServer implements FreedesktopNotifications.NotificationsBus {
        final List<Call> calls = new CopyOnWriteArrayList<>();

        @Override
        public UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                             List<String> actions, Map<String, Variant<?>> hints, int expireTimeout) {
            calls.add(new Call(appName, replacesId.longValue(), appIcon, summary, body, actions, expireTimeout));
            return new UInt32(calls.size());
        }

        @Override
        public String getObjectPath() {
            return FreedesktopNotifications.OBJECT_PATH;
        }
    }

    private Path dir;
    private Process daemon;
    private DBusConnection service;
    private FreedesktopNotifications notifier;

    @AfterEach
    void stop() throws IOException, InterruptedException {
        if (notifier != null) {
            notifier.close();
        }
        if (service != null) {
            service.close();
        }
        if (daemon != null) {
            daemon.destroy();
            daemon.waitFor(5, TimeUnit.SECONDS);
        }
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static Path dbusDaemon() {
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path p = Path.of(d, "dbus-daemon");
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Starts {@code dbus-daemon --nofork --print-address} with a session-bus config of our own (instead of
     * {@code --session}): a socket in a temp folder and no service directories, so nothing installed on this
     * machine (e.g. dunst) can be started by the bus and answer in the fake's place.
     */
    private String startBus() throws Exception {
        Path bin = dbusDaemon();
        assumeTrue(bin != null, "dbus-daemon is not installed (apt-get install dbus-daemon)");
        dir = Files.createTempDirectory("tally-dbus");
        Path config = dir.resolve("bus.conf");
        Files.writeString(config, """
                <busconfig>
                  <type>session</type>
                  <listen>unix:path=%s</listen>
                  <auth>EXTERNAL</auth>
                  <policy context="default">
                    <allow send_destination="*" eavesdrop="true"/>
                    <allow eavesdrop="true"/>
                    <allow own="*"/>
                  </policy>
                </busconfig>
                """.formatted(dir.resolve("bus")));
        daemon = new ProcessBuilder(bin.toString(), "--nofork", "--print-address",
                "--config-file=" + config).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
        String address = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        assertTrue(address != null && address.startsWith("unix:"), "dbus-daemon printed its address: " + address);
        return address.strip();
    }

    private FakeNotificationServer exportFakeServer(String address) throws Exception {
        FakeNotificationServer fake = new FakeNotificationServer();
        service = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        service.exportObject(FreedesktopNotifications.OBJECT_PATH, fake);
        service.requestBusName(FreedesktopNotifications.SERVICE);
        return fake;
    }

    private static void waitFor(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void oneSendIsExactlyOneNotifyCallWithOurTextAndAppName() throws Exception {
        String address = startBus();
        FakeNotificationServer fake = exportFakeServer(address);
        notifier = new FreedesktopNotifications(address, null, Duration.ofSeconds(5));

        assertTrue(notifier.isAvailable(), "the notification service is on the bus");
        notifier.send("Tally", BODY);
        waitFor(fake.calls, 1);
        Thread.sleep(300);

        assertEquals(List.of(new Call("Tally", 0, "", "Tally", BODY, List.of(), -1)), fake.calls,
                "one call: app name Tally, our summary and body, no icon, no actions, the server's default timeout");
    }

    @Test
    void aLowBalanceCrossingIsExactlyOneNotifyCall() throws Exception {
        String address = startBus();
        FakeNotificationServer fake = exportFakeServer(address);
        notifier = new FreedesktopNotifications(address, null, Duration.ofSeconds(5));
        dir = Files.createTempDirectory("tally-alerts");
        java.time.Instant t = java.time.Instant.parse("2026-11-22T05:00:00Z");
        dev.tally.core.Money threshold = new dev.tally.core.Money(new java.math.BigDecimal("5.00"), "CNY");
        try (dev.tally.history.HistoryStore history = dev.tally.history.HistoryStore.open(dir.resolve("history.db"))) {
            dev.tally.alert.AlertRules rules = new dev.tally.alert.AlertRules(history.alertMarks());
            dev.tally.alert.Notifier desktop = alert -> notifier.send("Tally", alert.text());
            for (String balance : List.of("10.00", "4.20", "3.90", "4.60", "4.10")) {
                t = t.plusSeconds(300);
                dev.tally.core.BalanceSnapshot s = new dev.tally.core.BalanceSnapshot(dev.tally.core.ProviderId.of("deepseek"),
                        t, true, List.of(new dev.tally.core.CurrencyBalance("CNY", new java.math.BigDecimal(balance), null, null, false)),
                        null, null);
                rules.onSuccess("deepseek-work", "DeepSeek (work)", threshold, s).forEach(desktop::notify);
            }
        }
        waitFor(fake.calls, 1);
        Thread.sleep(500);
        assertEquals(1, fake.calls.size(), "one crossing, one notification: " + fake.calls);
        assertEquals(BODY, fake.calls.getFirst().body());
    }

    @Test
    void nothingIsLeftRunningThatWouldKeepTheAppFromExiting() throws Exception {
        String address = startBus();
        FakeNotificationServer fake = exportFakeServer(address);
        notifier = new FreedesktopNotifications(address, "dialog-information", Duration.ofSeconds(5));
        notifier.send("Tally", BODY);
        waitFor(fake.calls, 1);
        assertEquals("dialog-information", fake.calls.getFirst().icon());
        service.close();
        service = null;
        Thread.sleep(500);

        List<String> lingering = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.isDaemon())
                .map(Thread::getName)
                .filter(n -> n.toLowerCase().contains("dbus"))
                .toList();
        assertEquals(List.of(), lingering, "no non-daemon D-Bus threads after a notification");
    }

    @Test
    void tallyNotifyToastUsesTheToastWindowEvenWhenTheServiceIsThere() throws Exception {
        String address = startBus();
        FakeNotificationServer fake = exportFakeServer(address);
        notifier = new FreedesktopNotifications(address, null, Duration.ofSeconds(5));
        assertTrue(notifier.isAvailable(), "the notification service is on the bus");
        NotificationsTest.Recorder toast = new NotificationsTest.Recorder(true);

        Notifications.forPlatform("Linux", Map.of("DBUS_SESSION_BUS_ADDRESS", address, "TALLY_NOTIFY", "toast"), null, toast)
                .send("Tally", BODY);
        Thread.sleep(300);
        assertEquals(List.of("Tally: " + BODY), toast.sent);
        assertEquals(List.of(), fake.calls, "the service was not used");
    }

    @Test
    void withoutANotificationServiceOnTheBusItIsNotAvailable() throws Exception {
        String address = startBus();
        notifier = new FreedesktopNotifications(address, null, Duration.ofSeconds(5));
        assertFalse(notifier.isAvailable());
        notifier.send("Tally", BODY);
    }

    @Test
    void theAppIconIsNamedOnlyWhereAPackageInstalledItIntoTheIconTheme() throws Exception {
        dir = Files.createTempDirectory("tally-icons");
        Path share = dir.resolve("share");
        Map<String, String> env = Map.of("XDG_DATA_HOME", dir.resolve("home").toString(), "XDG_DATA_DIRS", share.toString());
        assertNull(FreedesktopNotifications.themeIcon(env, dir), "no icon file: no icon name the server cannot find");
        Path svg = share.resolve("icons/hicolor/scalable/apps/tally.svg");
        Files.createDirectories(svg.getParent());
        Files.writeString(svg, "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        assertEquals("tally", FreedesktopNotifications.themeIcon(env, dir));
    }

    @Test
    void withoutASessionBusItIsNotAvailableAndSendDoesNothing() {
        notifier = FreedesktopNotifications.forSession(Map.of());
        assertTimeoutPreemptively(Duration.ofMillis(200), () -> assertFalse(notifier.isAvailable()));
        notifier.send("Tally", BODY);
    }

    @Test
    void aBusThatNeverAnswersCostsAtMostTheTimeout() throws Exception {
        dir = Files.createTempDirectory("tally-dbus");
        Path socket = dir.resolve("silent");
        try (ServerSocketChannel silent = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            silent.bind(UnixDomainSocketAddress.of(socket));
            CompletableFuture<SocketChannel> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept();
                } catch (IOException e) {
                    return null;
                }
            });
            notifier = new FreedesktopNotifications("unix:path=" + socket, null, Duration.ofMillis(500));
            assertTimeoutPreemptively(Duration.ofSeconds(3), () -> assertFalse(notifier.isAvailable()));
            assertTimeoutPreemptively(Duration.ofMillis(100), () -> assertFalse(notifier.isAvailable()),
                    "the answer is remembered, not asked again on every call");
            SocketChannel c = accepted.getNow(null);
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void sessionAddressComesFromTheEnvironment() throws IOException {
        assertEquals("unix:path=/run/user/1000/bus", FreedesktopNotifications.sessionAddress(
                Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus;tcp:host=localhost,port=1")));
        dir = Files.createTempDirectory("tally-runtime");
        Files.createFile(dir.resolve("bus"));
        assertEquals("unix:path=" + dir.resolve("bus"),
                FreedesktopNotifications.sessionAddress(Map.of("XDG_RUNTIME_DIR", dir.toString())));
        assertEquals(null, FreedesktopNotifications.sessionAddress(Map.of()));
    }
}
