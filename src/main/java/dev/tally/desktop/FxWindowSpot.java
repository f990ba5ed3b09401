package dev.tally.desktop;

import dev.tally.tray.TrayBackend;
import dev.tally.ui.MainWindow;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.List;

/** {@link WindowSpot}'s placement applied to a JavaFX stage and the screens' work areas. FX thread only. */
final class FxWindowSpot {
    private FxWindowSpot() {
    }

    /**
     * Puts the window next to the tray click when there is one, and keeps it (also a remembered place from a larger
     * screen) inside the work area of the screen it is on. FX thread.
     */
    static void place(Stage stage, TrayBackend.Click at) {
        double w = Double.isFinite(stage.getWidth()) && stage.getWidth() > 0 ? stage.getWidth() : MainWindow.WIDTH;
        double h = Double.isFinite(stage.getHeight()) && stage.getHeight() > 0 ? stage.getHeight() : MainWindow.HEIGHT;
        Rectangle2D area;
        WindowSpot.Spot spot;
        if (at != null) {
            area = workArea(at.x(), at.y());
            spot = WindowSpot.nearClick(at.x(), at.y(), w, h, WindowSpot.area(area.getMinX(), area.getMinY(),
                    area.getWidth(), area.getHeight()));
        } else if (Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
            area = workArea(stage.getX() + w / 2, stage.getY() + h / 2);
            spot = WindowSpot.clamp(stage.getX(), stage.getY(), w, h, WindowSpot.area(area.getMinX(), area.getMinY(),
                    area.getWidth(), area.getHeight()));
        } else {
            // no place yet: the toolkit would centre it, partly off a work area smaller than the window
            area = Screen.getPrimary().getVisualBounds();
            spot = WindowSpot.centred(w, h, WindowSpot.area(area.getMinX(), area.getMinY(), area.getWidth(),
                    area.getHeight()));
        }
        stage.setWidth(spot.width());
        stage.setHeight(spot.height());
        stage.setX(spot.x());
        stage.setY(spot.y());
    }

    /** The work area (the screen minus panels) of the screen holding the point, else of the primary screen. */
    private static Rectangle2D workArea(double x, double y) {
        List<Screen> screens = Screen.getScreensForRectangle(x, y, 1, 1);
        return (screens.isEmpty() ? Screen.getPrimary() : screens.getFirst()).getVisualBounds();
    }
}
