package dev.tally.notify;

import dev.tally.tray.AwtTrayBackend;

import java.util.Objects;

/**
 * Notifications as the tray icon's native messages ({@link java.awt.TrayIcon#displayMessage}): real
 * notifications on Windows and macOS, a balloon on Linux XEmbed trays. Available only while the icon is shown.
 * Thread-safe; {@link #send} returns at once (the tray backend does the AWT work on the AWT event queue).
 */
public final class TrayMessageNotifications implements DesktopNotifications {
    private static final System.Logger LOG = System.getLogger(TrayMessageNotifications.class.getName());
    private final AwtTrayBackend tray;

    public TrayMessageNotifications(AwtTrayBackend tray) {
        this.tray = Objects.requireNonNull(tray, "tray");
    }

    @Override
    public boolean isAvailable() {
        return tray.isShowing();
    }

    @Override
    public void send(String title, String body) {
        if (!tray.isShowing()) {
            LOG.log(System.Logger.Level.INFO, "tray icon not shown; notification not shown: {0}", title);
            return;
        }
        tray.displayMessage(title, body);
    }
}
