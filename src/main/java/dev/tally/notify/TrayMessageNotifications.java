package dev.tally.notify;

import java.util.Objects;

/**
 * Notifications as the tray icon's native messages ({@link TrayMessages}): real
 * notifications on Windows and macOS, a balloon on Linux XEmbed trays. Available only while the icon is shown.
 * Thread-safe; {@link #send} returns at once (the tray does its toolkit work on its own thread).
 */
public final class TrayMessageNotifications implements DesktopNotifications {
    private static final System.Logger LOG = System.getLogger(TrayMessageNotifications.class.getName());
    private final TrayMessages tray;

    public TrayMessageNotifications(TrayMessages tray) {
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
