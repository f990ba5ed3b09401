package dev.tally.ui;

import dev.tally.testing.Slow;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import javafx.util.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.tally.testing.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The toast fallback, headless (Monocle): what a person sees when the desktop has no notification service. */
@ExtendWith(ApplicationExtension.class)
@Slow
class ToastNotificationsFxTest {
    private static final String BODY = "DeepSeek (work): ¥4.20 left — below your ¥5.00 alert";

    @Start
    void start(Stage primary) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
    }

    private Stage main;

    @AfterEach
    void closeToasts() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            toasts().forEach(Window::hide);
            if (main != null) {
                main.hide();
            }
        }).get(5, TimeUnit.SECONDS);
    }

    private static List<Window> toasts() {
        List<Window> out = new ArrayList<>();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w.isShowing() && w.getScene() != null && w.getScene().getRoot().lookup(".toast") != null) {
                out.add(w);
            }
        }
        return out;
    }

    private static List<String> texts(Parent root) {
        return root.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The toast's own look from tally.css reached it: a bold title and a card with a border and an accent stripe. */
    private static void assertStyled(Window w) {
        Parent toast = (Parent) w.getScene().getRoot().lookup(".toast");
        Label title = (Label) toast.lookup(".toast-title");
        assertTrue(title.getFont().getStyle().toLowerCase().contains("bold"), "bold title: " + title.getFont());
        javafx.scene.layout.Background bg = ((javafx.scene.layout.Region) toast).getBackground();
        assertTrue(bg != null && bg.getFills().size() == 3, "border, stripe and card fills: " + bg);
        assertTrue(((javafx.scene.layout.Region) toast).getPadding().getLeft() > 0, "text kept off the edge");
    }

    @Test
    void theToastShowsTheTextOnTopWithoutATitleBarAndCloses(FxRobot robot) {
        ToastNotifications toast = new ToastNotifications(Platform::runLater, () -> null, Duration.seconds(30));
        toast.send("Tally", BODY);
        waitUntil(() -> toasts().size() == 1);
        Stage s = (Stage) toasts().getFirst();
        assertEquals(List.of("Tally", BODY), texts(s.getScene().getRoot()), "title and the alert's text, as sent");
        assertTrue(s.isShowing());
        assertTrue(s.isAlwaysOnTop());
        assertTrue(s.getStyle() == StageStyle.TRANSPARENT || s.getStyle() == StageStyle.UNDECORATED,
                "no title bar: " + s.getStyle());
        for (Node n : s.getScene().getRoot().lookupAll("*")) {
            assertEquals("", n.getStyle() == null ? "" : n.getStyle(), "styled by CSS classes, not inline: " + n);
        }
        assertStyled(s);

        robot.clickOn(s.getScene().getRoot());
        waitUntil(() -> toasts().isEmpty());
    }

    @Test
    void toastsStackAndCloseByThemselves() {
        ToastNotifications toast = new ToastNotifications(Platform::runLater, () -> null, Duration.millis(1500));
        toast.send("Tally", BODY);
        toast.send("Tally", "Moonshot (cn): key rejected");
        waitUntil(() -> toasts().size() == 2);
        List<Window> two = toasts();
        assertNotEquals(two.get(0).getY(), two.get(1).getY(), "the second toast does not cover the first");
        waitUntil(() -> toasts().isEmpty());
    }

    @Test
    void withTallysWindowOpenTheToastLeavesItTheFocus(FxRobot robot) {
        robot.interact(() -> {
            main = new Stage();
            main.setScene(new javafx.scene.Scene(new Label("Tally"), 380, 500));
            main.show();
            main.requestFocus();
        });
        waitUntil(() -> main.isFocused());
        ToastNotifications toast = new ToastNotifications(Platform::runLater, () -> main, Duration.seconds(30));
        toast.send("Tally", BODY);
        waitUntil(() -> toasts().size() == 1);
        Window w = toasts().getFirst();
        assertEquals(List.of("Tally", BODY), texts(w.getScene().getRoot()));
        assertStyled(w);
        assertTrue(w instanceof javafx.stage.PopupWindow, "a popup of the window, not a window of its own");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(main.isFocused(), "the user's typing still goes to Tally's window");
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        assertTrue(w.getX() > screen.getMaxX() / 2 && w.getX() + w.getWidth() <= screen.getMaxX(),
                "in the top-right corner of the screen: " + w.getX());
    }
}
