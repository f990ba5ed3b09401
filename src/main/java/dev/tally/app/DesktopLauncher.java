package dev.tally.app;

/** Starts the JavaFX desktop app. Kept apart from {@link Main} so the CLI never loads JavaFX classes. */
final class DesktopLauncher {
    private DesktopLauncher() {
    }

    static void launch() {
        javafx.application.Application.launch(TallyApplication.class);
    }
}
