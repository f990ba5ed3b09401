package dev.tally.account;

import dev.tally.core.Language;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The desktop app's own settings ({@code settings.json}), apart from the accounts. Immutable.
 *
 * @param theme         colour theme; {@link Theme#SYSTEM} follows the OS
 * @param notifications whether low-balance and key alerts pop up on the desktop
 * @param hideAmounts   show "•••" instead of amounts (screen sharing)
 * @param launchAtLogin whether Tally was asked to start at login (the autostart entry itself is the truth)
 * @param window        where the main window was last, or {@code null} when never placed
 * @param spendChecks   whether to alert when an account's balance falls more than its provider's reported usage
 *                      explains (another key, a leaked key, untracked usage); off by default
 * @param language      the language Tally speaks ({@code "language"}: {@code system}, {@code en}, {@code zh-CN});
 *                      {@link Language#SYSTEM} follows the OS, {@code TALLY_LANG} overrides it ({@link Language#choose})
 * @param compact       the main window's one-line rows: {@code true} on, {@code false} off, {@code null} automatic
 *                      (on for many accounts); set by the window's Compact toggle
 */
public record Preferences(Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin,
                          WindowBounds window, boolean spendChecks, Language language, Boolean compact) {

    /** Colour themes (AtlantaFX Primer light and dark). */
    public enum Theme {
        SYSTEM, LIGHT, DARK;

        /** The name used in {@code settings.json}: {@code system}, {@code light}, {@code dark}. */
        public String jsonName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Theme> fromJson(String name) {
            for (Theme t : values()) {
                if (t.jsonName().equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The main window's last position and size in screen coordinates. Any part may be {@code null} when unknown
     * (e.g. a size but no position), in which case the window is centred or given its default size.
     */
    public record WindowBounds(Double x, Double y, Double width, Double height) {
        public WindowBounds {
            requirePositive(width, "width");
            requirePositive(height, "height");
            requireFinite(x, "x");
            requireFinite(y, "y");
        }

        private static void requirePositive(Double v, String name) {
            if (v != null && !(v > 0 && Double.isFinite(v))) {
                throw new IllegalArgumentException("window " + name + " must be a positive number, got " + v);
            }
        }

        private static void requireFinite(Double v, String name) {
            if (v != null && !Double.isFinite(v)) {
                throw new IllegalArgumentException("window " + name + " must be a number, got " + v);
            }
        }
    }

    public Preferences {
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(language, "language");
    }

    /** Following the OS's language, compact rows automatic. */
    public Preferences(Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin,
                       WindowBounds window, boolean spendChecks) {
        this(theme, notifications, hideAmounts, launchAtLogin, window, spendChecks, Language.SYSTEM, null);
    }

    /** Compact rows automatic. */
    public Preferences(Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin,
                       WindowBounds window, boolean spendChecks, Language language) {
        this(theme, notifications, hideAmounts, launchAtLogin, window, spendChecks, language, null);
    }

    /** Without spend checks. */
    public Preferences(Theme theme, boolean notifications, boolean hideAmounts, boolean launchAtLogin,
                       WindowBounds window) {
        this(theme, notifications, hideAmounts, launchAtLogin, window, false);
    }

    /** Follow the OS theme, notifications on, amounts shown, no autostart, window not yet placed, no spend checks. */
    public static Preferences defaults() {
        return new Preferences(Theme.SYSTEM, true, false, false, null, false, Language.SYSTEM, null);
    }

    public Preferences withTheme(Theme t) {
        return new Preferences(t, notifications, hideAmounts, launchAtLogin, window, spendChecks, language, compact);
    }

    public Preferences withNotifications(boolean on) {
        return new Preferences(theme, on, hideAmounts, launchAtLogin, window, spendChecks, language, compact);
    }

    public Preferences withHideAmounts(boolean on) {
        return new Preferences(theme, notifications, on, launchAtLogin, window, spendChecks, language, compact);
    }

    public Preferences withLaunchAtLogin(boolean on) {
        return new Preferences(theme, notifications, hideAmounts, on, window, spendChecks, language, compact);
    }

    public Preferences withWindow(WindowBounds bounds) {
        return new Preferences(theme, notifications, hideAmounts, launchAtLogin, bounds, spendChecks, language, compact);
    }

    public Preferences withSpendChecks(boolean on) {
        return new Preferences(theme, notifications, hideAmounts, launchAtLogin, window, on, language, compact);
    }

    public Preferences withLanguage(Language l) {
        return new Preferences(theme, notifications, hideAmounts, launchAtLogin, window, spendChecks, l, compact);
    }

    /** @param choice {@code true}/{@code false} as toggled, {@code null} for automatic */
    public Preferences withCompact(Boolean choice) {
        return new Preferences(theme, notifications, hideAmounts, launchAtLogin, window, spendChecks, language, choice);
    }
}
