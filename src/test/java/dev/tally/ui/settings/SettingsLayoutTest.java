package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.ProviderId;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.ProviderHarness;
import dev.tally.testing.Slow;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.control.ToggleSwitch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static dev.tally.testing.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings window's layout and its controls as a user meets them, headless (Monocle): list beside the form with
 * no outer scrolling, long labels ellipsized, on/off switches, the key field's reveal and clear buttons, focus rings,
 * and a window that never opens partly off-screen.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class SettingsLayoutTest {
    private static final String LONG_LABEL = "DeepSeek for the evaluation team's nightly regression runs on the shared"
            + " staging cluster, EU";

    private DialogHarness h;
    private SettingsViewModel vm;
    private SettingsDialog dialog;

    @Start
    void start(Stage primary) throws IOException {
        h = new DialogHarness("tally-settings-layout");
        List<Account> twelve = new ArrayList<>();
        twelve.add(new Account("long", ProviderId.of("deepseek"), LONG_LABEL, null, null, null, null, 5));
        for (int i = 1; i < 12; i++) {
            twelve.add(new Account("a" + i, ProviderId.of(i % 2 == 0 ? "openrouter" : "deepseek"), "Account " + i, null,
                    null, null, null, 5));
        }
        h.fx.accounts.save(twelve);
        dialog = h.open(new MemorySecretStore());
        vm = h.vm;
        dialog.show("long");
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
    }

    private void loaded() {
        waitUntil(() -> !vm.loadingProperty().get() && "long".equals(vm.form().editingIdProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void theListSitsBesideTheWholeFormWithNoOuterScrolling(FxRobot robot) {
        loaded();
        ListView<?> list = robot.lookup(".settings-account-list").queryAs(ListView.class);
        Bounds listBounds = list.localToScene(list.getBoundsInLocal());
        Node form = robot.lookup(".settings-form").query();
        Bounds formBounds = form.localToScene(form.getBoundsInLocal());
        assertTrue(listBounds.getMaxX() < formBounds.getMinX(), "the list is left of the form, not above it");
        long shown = robot.lookup(".settings-account-title").queryAll().stream()
                .filter(n -> listBounds.contains(n.localToScene(n.getBoundsInLocal()))).count();
        assertTrue(shown >= 10, "ten or more accounts are in sight at the default size, saw " + shown);

        ScrollPane formPane = robot.lookup("#settings-form-pane").queryAs(ScrollPane.class);
        assertTrue(formPane.getContent().getBoundsInLocal().getHeight() <= formPane.getViewportBounds().getHeight() + 1,
                "the whole form of an account fits without scrolling at the default size");
        assertTrue(robot.lookup(".scroll-pane").queryAllAs(ScrollPane.class).stream()
                        .noneMatch(p -> p != formPane && p.getContent() != null
                                && p.getContent().lookup(".settings-account-list") != null),
                "no scroll pane holds the list: scrolling the list scrolls only the list");
        // the buttons under the list read in full
        for (String b : List.of("New account", "Remove…")) {
            javafx.scene.control.Button button = robot.lookup(".button").queryAllAs(javafx.scene.control.Button.class)
                    .stream().filter(x -> b.equals(x.getText().replace("_", ""))).findFirst().orElseThrow();
            assertFalse(button.isTextTruncated(), b + " is not cut short");
        }
    }

    @Test
    void aLongLabelEndsInAnEllipsisWithTheWholeOfItOnHover(FxRobot robot) {
        loaded();
        ListView<?> list = robot.lookup(".settings-account-list").queryAs(ListView.class);
        for (Node bar : list.lookupAll(".scroll-bar")) {
            if (bar instanceof ScrollBar s && s.getOrientation() == Orientation.HORIZONTAL) {
                assertFalse(s.isVisible(), "no horizontal scroll bar for a long label");
            }
        }
        Label title = robot.lookup(".settings-account-title").queryAllAs(Label.class).stream()
                .filter(l -> LONG_LABEL.equals(l.getText())).findFirst().orElseThrow();
        assertTrue(title.isTextTruncated(), "cut with an ellipsis inside the list");
        ListCell<?> cell = (ListCell<?>) title.getParent().getParent();
        assertTrue(cell.getTooltip() != null && cell.getTooltip().getText().startsWith(LONG_LABEL),
                "the whole label on hover");
        Node footer = robot.lookup(".settings-footer").query();
        Node form = robot.lookup("#settings-form-pane").query();
        assertTrue(footer.localToScene(footer.getBoundsInLocal()).getMinY()
                        >= form.localToScene(form.getBoundsInLocal()).getMaxY() - 1,
                "the footer stays below the form");
    }

    @Test
    void theOnOffPreferencesAreSwitchesThatToggleByClickAndByAltLetter(FxRobot robot) {
        loaded();
        robot.clickOn("General");
        WaitForAsyncUtils.waitForFxEvents();
        ToggleSwitch notifications = robot.lookup("#settings-notifications").queryAs(ToggleSwitch.class);
        boolean before = vm.general().notificationsProperty().get();
        assertEquals(before, notifications.isSelected(), "the switch shows the saved preference");
        robot.clickOn(notifications);
        waitUntil(() -> vm.general().notificationsProperty().get() != before);
        robot.clickOn("Show desktop notifications");
        waitUntil(() -> vm.general().notificationsProperty().get() == before);

        boolean hidden = vm.general().hideAmountsProperty().get();
        robot.push(KeyCode.ALT, KeyCode.U);
        waitUntil(() -> vm.general().hideAmountsProperty().get() != hidden);
        assertEquals(!hidden, robot.lookup("#settings-hide-amounts").queryAs(ToggleSwitch.class).isSelected(),
                "Alt+U (Hide amo_unts) flipped the switch");
        Label word = robot.lookup(".settings-switch-label").queryAllAs(Label.class).stream()
                .filter(l -> l.getText().contains("amo")).findFirst().orElseThrow();
        assertFalse(word.lookupAll(".text").stream().anyMatch(t -> ((Text) t).getText().contains("_")),
                "the Alt+letter is underlined, not written as an underscore");
    }

    @Test
    void theKeyFieldShowsTheTypedKeyOnlyWhenAskedAndClearsIt(FxRobot robot) {
        loaded();
        String key = ProviderHarness.CANARY;
        robot.clickOn("#settings-key-api").write(key);
        TextField field = robot.lookup("#settings-key-api").queryAs(TextField.class);
        assertFalse(drawn(field).contains(key), "masked while typed");
        robot.clickOn(field.lookup("#key-reveal"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(drawn(field).contains(key), "shown after Show the key");
        assertEquals(key, vm.form().keyFields().getFirst().textProperty().get(), "revealing changes nothing typed");
        robot.clickOn(field.lookup("#key-reveal"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(drawn(field).contains(key), "masked again");

        robot.clickOn(field.lookup("#key-clear"));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", field.getText());
        assertEquals("", vm.form().keyFields().getFirst().textProperty().get(), "the form forgot the key too");
        assertTrue(field.isFocused(), "the field keeps the focus for the next paste");
        assertFalse(field.lookup("#key-clear").isVisible(), "nothing left to clear");
    }

    @Test
    void theAdvancedHeaderShowsAFocusRing(FxRobot robot) {
        loaded();
        TitledPane advanced = robot.lookup("#settings-advanced").queryAs(TitledPane.class);
        Node title = advanced.lookup(".title");
        robot.interact(() -> robot.lookup("#settings-label").query().requestFocus());
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage blurred = snap(title);
        robot.interact(advanced::requestFocus);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(advanced.isFocused());
        WritableImage focused = snap(title);
        assertNotEquals(pixels(blurred), pixels(focused), "focusing the header changes how it looks");
    }

    @Test
    void everyControlShowsWhenItHasTheKeyboardFocus(FxRobot robot) {
        loaded();
        List<String> unmarked = new ArrayList<>();
        for (String tab : List.of("Accounts", "General")) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            javafx.scene.Parent root = dialog.stage().getScene().getRoot();
            List<javafx.scene.control.Control> controls = new ArrayList<>();
            for (Node n : root.lookupAll("*")) {
                if (n instanceof javafx.scene.control.Control c && c.isFocusTraversable() && c.isVisible()
                        && !c.isDisabled() && c.getScene() != null && c.localToScene(c.getBoundsInLocal()).getWidth() > 0
                        && visibleUpTo(c, root)) {
                    controls.add(c);
                }
            }
            assertTrue(controls.size() >= 4, tab + ": found its controls, " + controls.size());
            for (javafx.scene.control.Control c : controls) {
                robot.interact(() -> dialog.stage().getScene().getRoot().requestFocus());
                WaitForAsyncUtils.waitForFxEvents();
                WritableImage before = snap(c);
                robot.interact(c::requestFocus);
                WaitForAsyncUtils.waitForFxEvents();
                WritableImage after = snap(c);
                if (!c.isFocused() && !c.isFocusWithin()) {
                    continue;
                }
                if (pixels(before).equals(pixels(after))) {
                    unmarked.add(tab + ": " + c.getClass().getSimpleName() + " " + c.getId() + " " + c.getAccessibleText());
                }
            }
        }
        assertEquals(List.of(), unmarked, "controls that look the same with and without the focus");
    }

    private static boolean visibleUpTo(Node n, Node root) {
        for (Node p = n; p != null && p != root; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aWindowLeftOffScreenComesBackInsideTheWorkArea(FxRobot robot) {
        loaded();
        Rectangle2D area = Screen.getPrimary().getVisualBounds();
        Stage stage = dialog.stage();
        robot.interact(() -> {
            stage.hide();
            stage.setX(area.getMaxX() + 300);
            stage.setY(area.getMaxY() - 40);
            stage.setHeight(area.getHeight() + 500);
            dialog.show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(stage.getX() >= area.getMinX() && stage.getX() + stage.getWidth() <= area.getMaxX() + 0.5,
                "inside horizontally: " + stage.getX() + "+" + stage.getWidth() + " in " + area);
        assertTrue(stage.getY() >= area.getMinY() && stage.getY() + stage.getHeight() <= area.getMaxY() + 0.5,
                "inside vertically, Save and Close reachable: " + stage.getY() + "+" + stage.getHeight() + " in " + area);
    }

    /** The text the field's skin draws (the mask or the key). */
    private static String drawn(TextField field) {
        StringBuilder b = new StringBuilder();
        for (Node n : field.lookupAll(".text")) {
            if (n instanceof Text t && t.getText() != null) {
                b.append(t.getText());
            }
        }
        return b.toString();
    }

    private static WritableImage snap(Node n) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> n.snapshot(null, null)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("no snapshot of " + n, e);
        }
    }

    private static List<Integer> pixels(WritableImage image) {
        List<Integer> px = new ArrayList<>();
        for (int y = 0; y < (int) image.getHeight(); y++) {
            for (int x = 0; x < (int) image.getWidth(); x++) {
                px.add(image.getPixelReader().getArgb(x, y));
            }
        }
        return px;
    }
}
