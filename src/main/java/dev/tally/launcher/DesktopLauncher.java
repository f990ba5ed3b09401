package dev.tally.launcher;

import dev.tally.desktop.DesktopApp;

/** Starts the desktop widget. Kept apart from {@link Main} so the CLI never loads JavaFX or AWT classes. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        DesktopApp.launch();
    }
}
