package dev.tally.notify;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NotificationsTest {

    /** Records what it was asked to show. */
    static final class Recorder implements DesktopNotifications {
        final List<String> sent = new ArrayList<>();
        boolean available;

        Recorder(boolean available) {
            this.available = available;
        }

        @Override
        public boolean isAvailable() {
            return available;
        }

        @Override
        public void send(String title, String body) {
            sent.add(title + ": " + body);
        }
    }

    @Test
    void sendsThroughTheFirstWayThatWorksAtTheTimeOfSending() {
        Recorder dbus = new Recorder(false);
        Recorder tray = new Recorder(true);
        Recorder toast = new Recorder(true);
        DesktopNotifications n = Notifications.firstAvailable(List.of(dbus, tray, toast));
        assertTrue(n.isAvailable());
        n.send("Tally", "low");
        dbus.available = true;
        n.send("Tally", "lower");
        assertEquals(List.of("Tally: lower"), dbus.sent);
        assertEquals(List.of("Tally: low"), tray.sent);
        assertEquals(List.of(), toast.sent);
    }

    @Test
    void aWayThatThrowsIsSkippedNotFatal() {
        DesktopNotifications broken = new DesktopNotifications() {
            @Override
            public boolean isAvailable() {
                throw new IllegalStateException("boom");
            }

            @Override
            public void send(String title, String body) {
                throw new AssertionError("not available, must not be used");
            }
        };
        Recorder toast = new Recorder(true);
        Notifications.firstAvailable(List.of(broken, toast)).send("Tally", "low");
        assertEquals(List.of("Tally: low"), toast.sent);
    }

    @Test
    void withNothingAvailableSendingIsQuiet() {
        DesktopNotifications n = Notifications.forPlatform("Linux", Map.of(), null, null);
        assertFalse(n.isAvailable());
        n.send("Tally", "low");
        assertFalse(new NoNotifications().isAvailable());
    }

    @Test
    void onWindowsTheUiFallbackIsUsedWhenThereIsNoTray() {
        Recorder toast = new Recorder(true);
        Notifications.forPlatform("Windows 11", Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent"), null, toast)
                .send("Tally", "low");
        assertEquals(List.of("Tally: low"), toast.sent);
    }
}
