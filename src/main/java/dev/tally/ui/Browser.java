package dev.tally.ui;

import dev.tally.core.Programs;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Opens a provider's web page (console, top-up) in the host's browser. On Linux and the BSDs through
 * {@code xdg-open} (found on {@code PATH}, started without a shell, the address as one argument), which works on every
 * desktop and also when AWT is not loaded or headless (the StatusNotifierItem tray keeps AWT out); elsewhere, or
 * without {@code xdg-open}, through AWT's {@link java.awt.Desktop} where it offers browsing. Only {@code http} and
 * {@code https} pages are opened.
 *
 * <p>Threads: any. Whether a browser is there is found out once and kept ({@link #available()} is then a field
 * read, cheap on the FX thread for every card); the open itself runs on a daemon thread of its own, as starting a
 * browser may block.
 */
public final class Browser {
    private static final System.Logger LOG = System.getLogger(Browser.class.getName());
    private static volatile Browser system;

    private final Optional<Path> xdgOpen;
    private final boolean awt;

    /**
     * @param env     the environment ({@code PATH})
     * @param os      the {@code os.name}
     * @param awtOk   whether AWT's desktop integration may be asked (false when AWT runs headless)
     */
    Browser(Map<String, String> env, String os, boolean awtOk) {
        String name = os.toLowerCase(Locale.ROOT);
        boolean freedesktop = !name.contains("win") && !name.contains("mac");
        this.xdgOpen = freedesktop ? Programs.find("xdg-open", env.get("PATH")) : Optional.empty();
        this.awt = xdgOpen.isEmpty() && awtOk && awtBrowses();
    }

    /** The host's browser, looked up on first use. */
    private static Browser system() {
        Browser b = system;
        if (b == null) {
            b = new Browser(System.getenv(), System.getProperty("os.name", ""),
                    !Boolean.getBoolean("java.awt.headless"));
            system = b;
        }
        return b;
    }

    /** Whether this host can open a page in a browser (false without {@code xdg-open} and without AWT's). */
    public static boolean available() {
        return system().canOpen();
    }

    /** Opens {@code page}; a failure is logged, never thrown. Does nothing when {@link #available()} is false. */
    public static void open(URI page) {
        system().browse(page);
    }

    boolean canOpen() {
        return xdgOpen.isPresent() || awt;
    }

    /** Opens the page on a thread of its own; the returned thread (for tests) or null when nothing was started. */
    Thread browse(URI page) {
        Objects.requireNonNull(page, "page");
        String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            LOG.log(System.Logger.Level.WARNING, "not a web page, not opened: " + scheme);
            return null;
        }
        if (!canOpen()) {
            LOG.log(System.Logger.Level.INFO, "no browser to open " + page);
            return null;
        }
        Thread t = new Thread(() -> {
            try {
                if (xdgOpen.isPresent()) {
                    Process p = new ProcessBuilder(List.of(xdgOpen.get().toString(), page.toString()))
                            .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                    int code = p.waitFor();
                    if (code != 0) {
                        LOG.log(System.Logger.Level.WARNING, "xdg-open could not open " + page + " (exit " + code + ")");
                    }
                } else {
                    java.awt.Desktop.getDesktop().browse(page);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not open " + page + ": " + e.getMessage());
            }
        }, "tally-browser");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static boolean awtBrowses() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
                    && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE);
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }
}
