package dev.tally.ui;

import dev.tally.notify.DesktopNotifications;
import javafx.animation.PauseTransition;
import javafx.application.ConditionalFeature;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.AccessibleRole;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.stage.Popup;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The last-resort notification: a small borderless always-on-top window of our own in the top-right corner that
 * closes after a few seconds or when clicked. Needs no owner window (unlike ControlsFX Notifications). Styled by the
 * {@code toast} classes in {@code tally.css} (theme colours, no inline styles). Several toasts stack downwards.
 *
 * <p>It does not take the focus from Tally's window: while that window is open (always so without a tray, the usual
 * reason for a toast) the toast is a popup of it, which the desktop never focuses. With no window open it is an
 * undecorated stage of its own (JavaFX cannot show a top-level window without the desktop activating it).
 *
 * <p>{@link #send} may be called from any thread; it hops to the FX thread, starting the toolkit through
 * {@code onFx} if needed. {@code TALLY_NOTIFY=toast} makes Tally use it even where a notification service exists.
 */
public final class ToastNotifications implements DesktopNotifications {
    /** How long a toast stays up unless clicked. */
    public static final Duration SHOWN_FOR = Duration.seconds(8);
    private static final double WIDTH = 340;
    private static final double MARGIN = 12;

    private final Consumer<Runnable> onFx;
    private final Supplier<Window> owner;
    private final Duration shownFor;
    /** Toasts on screen, oldest first; FX thread only. */
    private final List<Window> open = new ArrayList<>();

    /**
     * @param onFx     runs a task on the FX thread, starting JavaFX first if it is not running
     * @param owner    Tally's main window if it exists, else {@code null}; asked on the FX thread
     * @param shownFor how long each toast stays up unless clicked
     */
    public ToastNotifications(Consumer<Runnable> onFx, Supplier<Window> owner, Duration shownFor) {
        this.onFx = Objects.requireNonNull(onFx, "onFx");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.shownFor = Objects.requireNonNull(shownFor, "shownFor");
    }

    @Override
    public boolean isAvailable() {
        return !java.awt.GraphicsEnvironment.isHeadless();
    }

    @Override
    public void send(String title, String body) {
        onFx.accept(() -> show(title, body));
    }

    private void show(String title, String body) {
        Label t = new Label(title);
        t.getStyleClass().add("toast-title");
        Label b = new Label(body);
        b.getStyleClass().add("toast-body");
        b.setWrapText(true);
        VBox box = new VBox(t, b);
        box.getStyleClass().add("toast");
        box.setPrefWidth(WIDTH);
        box.setMaxWidth(WIDTH);
        box.setAccessibleRole(AccessibleRole.TEXT);
        box.setAccessibleText(title + ": " + body);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double x = screen.getMaxX() - WIDTH - 2 * MARGIN;
        double y = screen.getMinY() + 40;
        for (Window w : open) {
            y = Math.max(y, w.getY() + w.getHeight() + MARGIN);
        }
        // on the toast itself, not its scene: a popup's scene takes its owner's stylesheets when shown
        box.getStylesheets().add(Objects.requireNonNull(ToastNotifications.class.getResource("tally.css"), "tally.css")
                .toExternalForm());
        CjkFont.stylesheet().ifPresent(box.getStylesheets()::add);
        Window w = owner.get();
        Window toast;
        if (w != null && w.isShowing() && !(w instanceof Stage st && st.isIconified())) {
            Popup p = new Popup();
            p.getContent().add(box);
            p.setAutoFix(true);
            box.getStyleClass().add("toast-rounded");
            p.setOnHidden(e -> open.remove(p));
            box.setOnMouseClicked(e -> p.hide());
            open.add(p);
            p.show(w, x, y);
            toast = p;
        } else {
            boolean transparent = Platform.isSupported(ConditionalFeature.TRANSPARENT_WINDOW);
            if (transparent) {
                // rounded corners only where the corners outside them can really be see-through
                box.getStyleClass().add("toast-rounded");
            }
            Scene scene = new Scene(box);
            scene.setFill(transparent ? Color.TRANSPARENT : null);
            Stage stage = new Stage(transparent ? StageStyle.TRANSPARENT : StageStyle.UNDECORATED);
            stage.setAlwaysOnTop(true);
            stage.setResizable(false);
            stage.setTitle(dev.tally.status.Phrase.TOAST_TITLE.say());
            AppIcon.applyTo(stage);
            stage.setScene(scene);
            box.setOnMouseClicked(e -> stage.close());
            stage.setOnHidden(e -> open.remove(stage));
            stage.sizeToScene();
            stage.setX(x);
            stage.setY(y);
            open.add(stage);
            stage.show();
            toast = stage;
        }
        PauseTransition close = new PauseTransition(shownFor);
        close.setOnFinished(e -> toast.hide());
        close.play();
    }
}
