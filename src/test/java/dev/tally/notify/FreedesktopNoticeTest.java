package dev.tally.notify;

import dev.tally.secret.PrivateBus;
import dev.tally.testing.Slow;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Notices through a fake notification server on a private bus: replacement per key, urgency, and the click. */
@Slow
class FreedesktopNoticeTest {
    record Call(long replacesId, String summary, String body, List<String> actions, Object urgency, long id) {
    }

    static final class Server implements FreedesktopNotifications.NotificationsBus {
        final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        private long next = 41;

        @Override
        public synchronized UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary,
                                          String body, List<String> actions, Map<String, Variant<?>> hints,
                                          int expireTimeout) {
            long id = replacesId.longValue() != 0 ? replacesId.longValue() : ++next;
            Variant<?> urgency = hints.get("urgency");
            calls.add(new Call(replacesId.longValue(), summary, body, actions,
                    urgency == null ? null : urgency.getValue(), id));
            return new UInt32(id);
        }

        @Override
        public String getObjectPath() {
            return FreedesktopNotifications.OBJECT_PATH;
        }
    }

    @TempDir
    Path dir;
    private PrivateBus bus;
    private DBusConnection service;
    private FreedesktopNotifications notifier;

    @AfterEach
    void stop() throws Exception {
        if (notifier != null) {
            notifier.close();
        }
        if (service != null) {
            service.close();
        }
        if (bus != null) {
            bus.close();
        }
    }

    @Test
    void aNewerNoticeForTheSameAccountReplacesTheOlderAndAClickOpensItsCard() throws Exception {
        bus = PrivateBus.start(dir);
        String address = bus.env().get("DBUS_SESSION_BUS_ADDRESS");
        Server server = new Server();
        service = DBusConnectionBuilder.forAddress(address).withShared(false).build();
        service.exportObject(FreedesktopNotifications.OBJECT_PATH, server);
        service.requestBusName(FreedesktopNotifications.SERVICE);
        notifier = new FreedesktopNotifications(address, null, Duration.ofSeconds(10));
        BlockingQueue<String> opened = new LinkedBlockingQueue<>();

        notifier.send(new Notice("deepseek-work", "DeepSeek (work) is low", "¥4.20 left", false,
                () -> opened.add("deepseek-work")));
        Call first = server.calls.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        assertEquals("DeepSeek (work) is low", first.summary(), "the title names the account");
        assertEquals(0, first.replacesId());
        assertEquals(List.of("default", "Open Tally"), first.actions());
        assertEquals((byte) 1, first.urgency(), "a low balance is of normal urgency");

        notifier.send(new Notice("deepseek-work", "DeepSeek (work) is used up", "¥0.00 left", true,
                () -> opened.add("deepseek-work again")));
        Call second = server.calls.poll(10, TimeUnit.SECONDS);
        assertNotNull(second);
        assertEquals(first.id(), second.replacesId(), "the newer alert replaces the older on screen");
        assertEquals((byte) 2, second.urgency(), "a used-up balance is critical");

        notifier.send(new Notice("moonshot", "Moonshot: key rejected", "check Settings", true, null));
        Call third = server.calls.poll(10, TimeUnit.SECONDS);
        assertNotNull(third);
        assertEquals(0, third.replacesId(), "another account does not replace it");
        assertEquals(List.of(), third.actions(), "nothing to click for");

        dev.tally.core.Language before = dev.tally.core.Messages.use(dev.tally.core.Language.SIMPLIFIED_CHINESE);
        try {
            notifier.send(new Notice("zenmux", "ZenMux 余额不足", "ZenMux：余额 $1.20，低于提醒阈值 $5.00", false, () -> { }));
            Call chinese = server.calls.poll(10, TimeUnit.SECONDS);
            assertNotNull(chinese);
            assertEquals(List.of("default", "打开 Tally"), chinese.actions(), "the action's label in the chosen language");
        } finally {
            dev.tally.core.Messages.use(before);
        }

        // the user clicks the DeepSeek notification
        service.sendMessage(new FreedesktopNotifications.NotificationsBus.ActionInvoked(
                FreedesktopNotifications.OBJECT_PATH, new UInt32(second.id()), "default"));
        assertEquals("deepseek-work again", opened.poll(10, TimeUnit.SECONDS));
    }
}
