package dev.tally.notify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** Picks how this desktop shows notifications. */
public final class Notifications {
    private static final System.Logger LOG = System.getLogger(Notifications.class.getName());

    private Notifications() {
    }

    /**
     * The best way to notify on this platform, decided at each send (so a tray icon added later, or a
     * notification daemon started after login, is used once it is there):
     * <ul>
     *   <li>Linux and other Unix: the freedesktop service on the session D-Bus, else the tray icon's balloon,
     *       else {@code fallback};</li>
     *   <li>Windows and macOS: the tray icon's native messages, else {@code fallback}.</li>
     * </ul>
     * {@code TALLY_NOTIFY=toast} in {@code env} skips the first two and always uses {@code fallback} (to look at
     * the toast window on a desktop that has a notification service).
     * The first {@code isAvailable()} or {@code send} may ask the D-Bus (at most 2 s): call them off the UI
     * thread.
     *
     * @param osName   {@code System.getProperty("os.name")}
     * @param env      the environment (for the session bus address and {@code TALLY_NOTIFY})
     * @param tray     the tray icon's messages, or {@code null} when there is no tray
     * @param fallback e.g. the UI's own toast window, or {@code null}
     */
    public static DesktopNotifications forPlatform(String osName, Map<String, String> env, TrayMessages tray,
                                                   DesktopNotifications fallback) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        List<DesktopNotifications> chain = new ArrayList<>();
        if ("toast".equalsIgnoreCase(env.get("TALLY_NOTIFY")) && fallback != null) {
            return firstAvailable(List.of(fallback));
        }
        if (!os.contains("win") && !os.contains("mac")) {
            chain.add(FreedesktopNotifications.forSession(env));
        }
        if (tray != null) {
            chain.add(new TrayMessageNotifications(tray));
        }
        if (fallback != null) {
            chain.add(fallback);
        }
        return firstAvailable(chain);
    }

    /** Sends through the first of {@code choices} that is available at the time of the send. */
    public static DesktopNotifications firstAvailable(List<DesktopNotifications> choices) {
        List<DesktopNotifications> list = List.copyOf(choices);
        return new DesktopNotifications() {
            @Override
            public boolean isAvailable() {
                return list.stream().anyMatch(Notifications::available);
            }

            @Override
            public void send(String title, String body) {
                for (DesktopNotifications n : list) {
                    if (available(n)) {
                        n.send(title, body);
                        return;
                    }
                }
                LOG.log(System.Logger.Level.INFO, "no way to show notifications here; not shown: {0}", title);
            }

            @Override
            public void send(Notice notice) {
                for (DesktopNotifications n : list) {
                    if (available(n)) {
                        n.send(notice);
                        return;
                    }
                }
                LOG.log(System.Logger.Level.INFO, "no way to show notifications here; not shown: {0}", notice.title());
            }

            @Override
            public String toString() {
                return "first available of " + list;
            }
        };
    }

    private static boolean available(DesktopNotifications n) {
        Objects.requireNonNull(n);
        try {
            return n.isAvailable();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "notification check failed: {0}", e.toString());
            return false;
        }
    }
}
