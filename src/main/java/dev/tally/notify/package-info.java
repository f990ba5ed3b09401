/**
 * Desktop notifications behind {@link dev.tally.notify.DesktopNotifications}: the freedesktop notification
 * service over the session D-Bus on Linux ({@link dev.tally.notify.FreedesktopNotifications}), the tray icon's
 * native messages on Windows and macOS ({@link dev.tally.notify.TrayMessageNotifications}), and
 * {@link dev.tally.notify.NoNotifications}; {@link dev.tally.notify.Notifications#forPlatform} picks the first
 * that works. Says nothing about when to notify: that is the alert rules' job.
 *
 * <p>Tray messages come in through {@link dev.tally.notify.TrayMessages}, which the desktop shell adapts from its
 * tray. May import {@code core} and dbus-java; never {@code java.awt.*}, {@code dev.tally.tray}, {@code javafx.*}
 * (the toast-window fallback lives in {@code ui} and plugs in as a fallback), HTTP, SQL, the
 * keychain or the poller.
 */
package dev.tally.notify;
