package dev.tally.ui;

import dev.tally.account.Preferences;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the main window is, so it opens there again, and how closing it ends the app when there is no tray.
 *
 * <p>{@link #attach} follows every move and resize as it happens (on the FX thread), so the place is known without
 * asking the window afterwards: when the app quits, the window may already be hidden, or the quit may run on
 * another thread. {@link #current()} may be called from any thread.
 */
public final class WindowPlace {
    private volatile Preferences.WindowBounds current;

    /**
     * Gives the stage its remembered size, and its remembered position when that is still on a screen, then follows
     * its moves and resizes. FX thread; call before the stage is first shown.
     *
     * @param saved what was remembered, or {@code null}
     */
    public void attach(Stage stage, Preferences.WindowBounds saved) {
        Objects.requireNonNull(stage, "stage");
        if (saved != null) {
            if (saved.width() != null && saved.height() != null) {
                stage.setWidth(saved.width());
                stage.setHeight(saved.height());
            }
            if (saved.x() != null && saved.y() != null
                    && !Screen.getScreensForRectangle(saved.x(), saved.y(), 40, 40).isEmpty()) {
                stage.setX(saved.x());
                stage.setY(saved.y());
            }
        }
        InvalidationListener follow = o -> {
            // a minimised or maximised window's numbers are not a place to come back to
            // (and while it is being placed for the first time, x or y is not yet a number)
            if (!stage.isIconified() && !stage.isMaximized() && Double.isFinite(stage.getX()) && Double.isFinite(stage.getY())
                    && stage.getWidth() > 0 && stage.getHeight() > 0 && Double.isFinite(stage.getWidth())
                    && Double.isFinite(stage.getHeight())) {
                current = new Preferences.WindowBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
            }
        };
        stage.xProperty().addListener(follow);
        stage.yProperty().addListener(follow);
        stage.widthProperty().addListener(follow);
        stage.heightProperty().addListener(follow);
        stage.showingProperty().addListener(follow);
    }

    /** The window's last place while it was shown normally; empty before it was ever shown. Any thread. */
    public Optional<Preferences.WindowBounds> current() {
        return Optional.ofNullable(current);
    }

    /**
     * Without a tray, closing the window quits: {@code quit} runs once the window is hidden, on a later FX event —
     * never inside the hide itself, where ending the toolkit fails ("permitted on the event thread only").
     * FX thread.
     */
    public static void quitWhenClosed(Stage stage, Runnable quit) {
        Objects.requireNonNull(quit, "quit");
        stage.setOnHidden(e -> Platform.runLater(quit));
    }
}
