package dev.tally.tray;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Which tray this desktop gets, chosen once at start: on Linux and other Unix a StatusNotifierItem when a
 * StatusNotifierWatcher owns its name on the session bus (KDE Plasma, GNOME with AppIndicator, XFCE, waybar…, on
 * X11 and Wayland), else the AWT tray (XEmbed), else none; Windows and macOS always use the AWT tray.
 * {@code TALLY_TRAY=sni|awt|off} forces one. The SNI check waits at most {@link #PROBE} for the bus, or
 * {@link #FORCED_PROBE} when {@code TALLY_TRAY=sni} asks for it (a busy machine at login answers slowly, and there is
 * no other tray the user wants). With SNI,
 * {@code java.awt.headless} is set (unless already set): the icon pixels are drawn without AWT, and anything else that
 * reaches for AWT later starts no toolkit and opens no display connection.
 */
public final class TrayChoice {
    /** The most the SNI check waits for the session bus before Tally takes the AWT tray. */
    public static final Duration PROBE = Duration.ofSeconds(5);
    /** The same with {@code TALLY_TRAY=sni}: only a bus that is really not there gives no tray. */
    public static final Duration FORCED_PROBE = Duration.ofSeconds(30);
    private static final System.Logger LOG = System.getLogger(TrayChoice.class.getName());

    private TrayChoice() {
    }

    /** What {@code TALLY_TRAY} asks for. */
    public enum Wanted { AUTO, SNI, AWT, OFF }

    /** {@code TALLY_TRAY} read leniently: unknown values mean {@link Wanted#AUTO}. */
    public static Wanted wanted(Map<String, String> env) {
        String v = env.getOrDefault("TALLY_TRAY", "").strip().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "sni" -> Wanted.SNI;
            case "awt" -> Wanted.AWT;
            case "off", "none" -> Wanted.OFF;
            default -> Wanted.AUTO;
        };
    }

    /**
     * The tray for this desktop; {@link NoTray} when there is none (check {@link TrayBackend#isSupported()}). May
     * ask the session bus (at most {@link #PROBE}): call it off the UI thread.
     */
    public static TrayBackend choose(String osName, Map<String, String> env, Executor ui,
                                     TrayBackend.Listener listener) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        boolean unix = !os.contains("win") && !os.contains("mac");
        Wanted wanted = wanted(env);
        if (wanted == Wanted.OFF) {
            return new NoTray();
        }
        if (unix && wanted != Wanted.AWT) {
            SniTrayBackend sni = new SniTrayBackend(SniTrayBackend.sessionAddress(env), ui, listener,
                    wanted == Wanted.SNI ? FORCED_PROBE : PROBE);
            if (sni.isSupported()) {
                LOG.log(System.Logger.Level.INFO, "tray: StatusNotifierItem");
                // the icon pixels need no AWT at all; should anything else touch it: no toolkit, no display connection
                if (System.getProperty("java.awt.headless") == null) {
                    System.setProperty("java.awt.headless", "true");
                }
                return sni;
            }
            if (wanted == Wanted.SNI) {
                LOG.log(System.Logger.Level.WARNING, "TALLY_TRAY=sni, but no StatusNotifierWatcher is on the session bus");
                return new NoTray();
            }
        }
        AwtTrayBackend awt = new AwtTrayBackend(ui, listener);
        LOG.log(System.Logger.Level.INFO, awt.isSupported() ? "tray: AWT" : "tray: none");
        return awt.isSupported() ? awt : new NoTray();
    }
}
