package dev.tally.ui;

import dev.tally.notify.DesktopNotifications;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.util.Duration;

import java.util.function.Consumer;

/**
 * The last-resort notification: a small always-on-top window of our own in the top-right corner that
 * closes after a few seconds. Needs no owner window (unlike ControlsFX Notifications). {@link #send} may be
 * called from any thread; it hops to the FX thread, starting the toolkit through {@code startFx} if needed.
 */
public final class ToastNotifications implements DesktopNotifications {
    private final Consumer<Runnable> onFx;

    /** @param onFx runs a task on the FX thread, starting JavaFX first if it is not running */
    public ToastNotifications(Consumer<Runnable> onFx) {
        this.onFx = onFx;
    }

    @Override
    public boolean isAvailable() {
        return !java.awt.GraphicsEnvironment.isHeadless();
    }

    @Override
    public void send(String title, String body) {
        onFx.accept(() -> show(title, body));
    }

    private static void show(String title, String body) {
        Label t = new Label(title);
        t.getStyleClass().add("toast-title");
        t.setStyle("-fx-font-weight: bold;");
        Label b = new Label(body);
        b.setWrapText(true);
        b.setMaxWidth(320);
        VBox box = new VBox(4, t, b);
        box.getStyleClass().add("toast");
        box.setStyle("-fx-padding: 12; -fx-background-color: -color-bg-default, -color-border-default;"
                + " -fx-background-insets: 0, 0 0 0 4;");
        Stage stage = new Stage(StageStyle.UTILITY);
        stage.setAlwaysOnTop(true);
        stage.setTitle("Tally");
        stage.setScene(new Scene(box));
        stage.sizeToScene();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMaxX() - 360);
        stage.setY(screen.getMinY() + 40);
        stage.show();
        PauseTransition close = new PauseTransition(Duration.seconds(8));
        close.setOnFinished(e -> stage.close());
        close.play();
        Platform.requestNextPulse();
    }
}
