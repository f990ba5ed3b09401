package dev.tally.ui;

import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.List;

/**
 * {@link WindowSpot}'s arithmetic applied to a JavaFX stage and the screens' work areas (the screen minus its panels,
 * in the toolkit's scaled pixels, so it holds at any scale factor): a window never opens partly off-screen.
 *
 * <p>Threads: FX thread only.
 */
public final class ScreenFit {
    private ScreenFit() {
    }

    /** The work area of the screen holding the point, else of the primary screen. */
    public static WindowSpot.Area workArea(double x, double y) {
        List<Screen> screens = Screen.getScreensForRectangle(x, y, 1, 1);
        Rectangle2D a = (screens.isEmpty() ? Screen.getPrimary() : screens.getFirst()).getVisualBounds();
        return WindowSpot.area(a.getMinX(), a.getMinY(), a.getWidth(), a.getHeight());
    }

    /**
     * Places a window that is about to be shown: where it was, moved (and if larger, shrunk) into the work area of
     * its screen; the first time (no place yet), centred over {@code over} when given, else in the primary
     * screen's work area, at {@code width × height} or smaller where the work area is smaller.
     */
    public static void place(Stage stage, double width, double height, Window over) {
        double w = Double.isFinite(stage.getWidth()) && stage.getWidth() > 0 ? stage.getWidth() : width;
        double h = Double.isFinite(stage.getHeight()) && stage.getHeight() > 0 ? stage.getHeight() : height;
        WindowSpot.Spot spot;
        if (Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())) {
            spot = WindowSpot.clamp(stage.getX(), stage.getY(), w, h, workArea(stage.getX() + w / 2, stage.getY() + h / 2));
        } else if (over != null && over.isShowing()) {
            double cx = over.getX() + over.getWidth() / 2;
            double cy = over.getY() + over.getHeight() / 2;
            spot = WindowSpot.clamp(cx - w / 2, cy - h / 2, w, h, workArea(cx, cy));
        } else {
            Rectangle2D a = Screen.getPrimary().getVisualBounds();
            spot = WindowSpot.centred(w, h, WindowSpot.area(a.getMinX(), a.getMinY(), a.getWidth(), a.getHeight()));
        }
        apply(stage, spot);
    }

    /** Sets the stage's place and size. */
    public static void apply(Stage stage, WindowSpot.Spot spot) {
        stage.setWidth(spot.width());
        stage.setHeight(spot.height());
        stage.setX(spot.x());
        stage.setY(spot.y());
    }
}
