package dev.tally.desktop;

import dev.tally.tray.TrayBackend;
import dev.tally.ui.MainWindow;
import dev.tally.ui.ScreenFit;
import dev.tally.ui.WindowSpot;
import javafx.stage.Stage;

/** {@link WindowSpot}'s placement of the main window by a tray click. FX thread only. */
final class FxWindowSpot {
    private FxWindowSpot() {
    }

    /**
     * Puts the window next to the tray click when there is one, and keeps it (also a remembered place from a larger
     * screen) inside the work area of the screen it is on. FX thread.
     */
    static void place(Stage stage, TrayBackend.Click at) {
        if (at == null) {
            // where it was, kept inside its screen; the first time centred, never partly off a small work area
            ScreenFit.place(stage, MainWindow.WIDTH, MainWindow.HEIGHT, null);
            return;
        }
        double w = Double.isFinite(stage.getWidth()) && stage.getWidth() > 0 ? stage.getWidth() : MainWindow.WIDTH;
        double h = Double.isFinite(stage.getHeight()) && stage.getHeight() > 0 ? stage.getHeight() : MainWindow.HEIGHT;
        ScreenFit.apply(stage, WindowSpot.nearClick(at.x(), at.y(), w, h, ScreenFit.workArea(at.x(), at.y())));
    }
}
