package dev.tally.tray;

import dev.tally.status.Phrase;

/** What a tray menu item asks the application to do. */
public enum TrayAction {
    REFRESH_ALL(Phrase.ACTION_REFRESH_ALL),
    OPEN_WINDOW(Phrase.ACTION_OPEN_WINDOW),
    SETTINGS(Phrase.ACTION_SETTINGS),
    QUIT(Phrase.ACTION_QUIT);

    private final Phrase label;

    TrayAction(Phrase label) {
        this.label = label;
    }

    /** The menu text, in the chosen language. */
    public String label() {
        return label.say();
    }
}
