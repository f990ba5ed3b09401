package dev.tally.notify;

/**
 * Shows a short message outside the application's window, where the desktop shows notifications.
 *
 * <p>Both methods may be called from any thread. {@link #send} returns quickly and never throws: delivery
 * failures are logged. Texts are shown as given (plain text, no markup) and must not contain secrets.
 */
public interface DesktopNotifications {

    /**
     * True when {@link #send} can show something now. Never throws; bounded in time (an implementation that
     * must ask another process documents its limit and caches the answer).
     */
    boolean isAvailable();

    /**
     * Shows a notification, e.g. title "Tally", body "DeepSeek (work): ¥4.20 left — below your ¥5.00 alert".
     * Does nothing (and logs) when unavailable.
     */
    void send(String title, String body);

    /**
     * Shows {@code notice}. Where the desktop supports it, a newer notice with the same key replaces the older one,
     * urgency follows {@link Notice#urgent()} and a click runs {@link Notice#onClick()}; elsewhere (tray balloons,
     * the toast window) the same title and text are shown. Same thread rules as {@link #send(String, String)}.
     */
    default void send(Notice notice) {
        send(notice.title(), notice.body());
    }
}
