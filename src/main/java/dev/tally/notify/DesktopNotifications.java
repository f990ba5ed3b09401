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
}
