package dev.tally.tray;

/** What a tray menu item asks the application to do. */
public enum TrayAction {
    REFRESH_ALL("Refresh all"),
    OPEN_WINDOW("Open Tally"),
    SETTINGS("Settings…"),
    QUIT("Quit");

    private final String label;

    TrayAction(String label) {
        this.label = label;
    }

    /** The menu text. */
    public String label() {
        return label;
    }
}
