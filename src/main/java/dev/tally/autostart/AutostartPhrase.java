package dev.tally.autostart;

import dev.tally.core.Wording;

/**
 * How the login entry is described to the user ("Adds the autostart entry ~/.config/autostart/tally.desktop"), in
 * one place, in the current language ({@link Wording}; bundle key {@code autostart.NAME}; English from here).
 *
 * <p>Stateless and thread-safe.
 */
public enum AutostartPhrase implements Wording {
    XDG_ENTRY("autostart entry {0}"),
    LOGIN_ITEM("login item {0}"),
    RUN_KEY("registry value {0} in {1}"),
    RUN_KEY_TOOL_MISSING("starting at login needs {0}, which is missing"),
    NOT_AVAILABLE("starting at login is not available on {0}");

    private final String english;

    AutostartPhrase(String english) {
        this.english = english;
    }

    /** The key in the message bundles: {@code autostart.XDG_ENTRY}. */
    @Override
    public String key() {
        return "autostart." + name();
    }

    @Override
    public String english() {
        return english;
    }
}
