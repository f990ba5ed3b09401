package dev.tally.ui;

import dev.tally.testing.Slow;
import dev.tally.account.Preferences;
import dev.tally.account.PreferencesStore;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's place and closing rule, on real stages, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
@Slow
class WindowPlaceFxTest {
    @TempDir
    Path home;

    private final List<Stage> stages = new ArrayList<>();

    @Start
    void start(Stage primary) {
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> stages.forEach(Stage::hide)).get(5, TimeUnit.SECONDS);
    }

    private Stage newStage() {
        Stage s = new Stage();
        s.setScene(new Scene(new Label("Tally"), 300, 400));
        stages.add(s);
        return s;
    }

    @Test
    void withoutATrayClosingTheWindowQuitsOnceItIsHiddenNotWhileItHides(FxRobot robot) {
        List<String> seen = new ArrayList<>();
        robot.interact(() -> {
            Stage s = newStage();
            WindowPlace.quitWhenClosed(s, () -> seen.add("quit, window showing: " + s.isShowing()
                    + ", FX thread: " + Platform.isFxApplicationThread()));
            s.show();
            // what a window manager's close button does
            s.fireEvent(new WindowEvent(s, WindowEvent.WINDOW_CLOSE_REQUEST));
            seen.add("close request handled, window showing: " + s.isShowing());
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("close request handled, window showing: false",
                "quit, window showing: false, FX thread: true"), seen,
                "the app quits after the hide has finished (quitting inside it throws 'permitted on the event thread only')");
    }

    @Test
    void theWindowOpensWhereItWasLeftThroughSettingsJson(FxRobot robot) {
        WindowPlace place = new WindowPlace();
        robot.interact(() -> {
            Stage s = newStage();
            place.attach(s, null);
            s.show();
            s.setX(120);
            s.setY(70);
            s.setWidth(410);
            s.setHeight(620);
            s.hide();
        });
        Preferences.WindowBounds left = place.current().orElseThrow();
        assertEquals(new Preferences.WindowBounds(120.0, 70.0, 410.0, 620.0), left, "known after the window is gone");

        new PreferencesStore(home, Clock.systemUTC()).update(p -> p.withWindow(left));
        Preferences.WindowBounds read = new PreferencesStore(home, Clock.systemUTC()).load().preferences().window();
        assertEquals(left, read, "settings.json round trip");

        Stage[] again = new Stage[1];
        robot.interact(() -> {
            again[0] = newStage();
            new WindowPlace().attach(again[0], read);
            again[0].show();
        });
        assertEquals(120.0, again[0].getX());
        assertEquals(70.0, again[0].getY());
        assertEquals(410.0, again[0].getWidth());
        assertEquals(620.0, again[0].getHeight());
    }

    @Test
    void aPlaceNoLongerOnAnyScreenKeepsOnlyTheSize(FxRobot robot) {
        Stage[] s = new Stage[1];
        robot.interact(() -> {
            s[0] = newStage();
            new WindowPlace().attach(s[0], new Preferences.WindowBounds(-9000.0, 5000.0, 390.0, 560.0));
            s[0].show();
        });
        assertEquals(390.0, s[0].getWidth());
        assertEquals(560.0, s[0].getHeight());
        assertTrue(s[0].getX() > -1000 && s[0].getY() < 3000, "placed on a screen: " + s[0].getX() + "," + s[0].getY());
        assertFalse(Double.isNaN(s[0].getX()));
    }
}
