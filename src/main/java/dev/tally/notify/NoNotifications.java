package dev.tally.notify;

/** The fallback when the desktop offers no way to notify: never available, sends nothing. */
public final class NoNotifications implements DesktopNotifications {
    private static final System.Logger LOG = System.getLogger(NoNotifications.class.getName());

    @Override
    public boolean isAvailable() {
        return false;
    }

    @Override
    public void send(String title, String body) {
        LOG.log(System.Logger.Level.INFO, "no notification service; not shown: {0}", title);
    }
}
