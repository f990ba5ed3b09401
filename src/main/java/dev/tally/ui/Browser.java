package dev.tally.ui;

import java.awt.Desktop;
import java.net.URI;

/**
 * Opens a web page in the host's browser through {@link Desktop}, when the host offers it. Any thread: the
 * browse call (which may block while the browser starts) runs on a daemon thread of its own.
 */
public final class Browser {
    private static final System.Logger LOG = System.getLogger(Browser.class.getName());

    private Browser() {
    }

    /** Whether this host can open a page in a browser (false headless, or without a desktop integration). */
    public static boolean available() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Opens {@code page}; a failure is logged, never thrown. Does nothing when {@link #available()} is false. */
    public static void open(URI page) {
        if (!available()) {
            LOG.log(System.Logger.Level.INFO, "no browser to open " + page);
            return;
        }
        Thread t = new Thread(() -> {
            try {
                Desktop.getDesktop().browse(page);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not open " + page + ": " + e.getMessage());
            }
        }, "tally-browser");
        t.setDaemon(true);
        t.start();
    }
}
