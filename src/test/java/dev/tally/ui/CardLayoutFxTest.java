package dev.tally.ui;

import dev.tally.testing.Slow;
import atlantafx.base.theme.PrimerLight;
import dev.tally.core.FetchError;
import dev.tally.poll.AccountState;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static dev.tally.ui.BalanceCardViewModelTest.NOW;
import static dev.tally.ui.BalanceCardViewModelTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real main window at its usual width, with cards whose refreshes the test finishes by hand. */
@ExtendWith(ApplicationExtension.class)
@Slow
class CardLayoutFxTest {
    private final List<CompletableFuture<Object>> pending = new ArrayList<>();
    private MainViewModel vm;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new MainViewModel(new IdleActions() {
            @Override
            public CompletionStage<?> refresh(String id) {
                CompletableFuture<Object> f = new CompletableFuture<>();
                pending.add(f);
                return f;
            }
        }, Platform::runLater, ZoneOffset.UTC);
        FetchError e = new FetchError.BadResponse("the provider answered something Tally cannot read");
        vm.apply(List.of(
                new AccountState(target("deepseek", "ds", "DeepSeek (personal research)", null), null, e, NOW, null, false, 1),
                new AccountState(target("deepseek", "w", "Work", null), null, null, null, null, false, 0)), Map.of(), NOW);
        new MainWindow(stage, vm);
        stage.show();
    }

    private static Label badge(FxRobot robot) {
        return robot.lookup(".badge").queryAs(Label.class);
    }

    @Test
    void aLongLabelWrapsAndTheBadgeIsNeverCutShort(FxRobot robot) {
        Label badge = badge(robot);
        assertEquals("Error: unexpected response", badge.getText());
        assertFalse(badge.isTextTruncated(), "the badge shows all of its text");
        Label title = robot.lookup(".card-title").queryAs(Label.class);
        assertEquals("DeepSeek (personal research)", title.getText());
        assertFalse(title.isTextTruncated(), "the label wraps rather than ending in …");
    }

    @Test
    void aCardsRefreshSpinsInPlaceAndKeepsTheKeyboardFocus(FxRobot robot) {
        Button refresh = robot.lookup(".card-refresh").queryAs(Button.class);
        Label badge = badge(robot);
        double badgeX = badge.localToScene(0, 0).getX();
        double buttonWidth = refresh.getWidth();
        robot.interact(refresh::requestFocus);
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, pending.size());
        Node spinner = refresh.lookup(".card-spinner");
        assertTrue(spinner.isVisible(), "the card shows its progress");
        assertEquals(badgeX, badge.localToScene(0, 0).getX(), 0.5, "the badge does not move while the card spins");
        assertEquals(buttonWidth, refresh.getWidth(), 0.5, "nor does the button change size");
        assertSame(refresh, refresh.getScene().getFocusOwner(), "the focus stays while it spins");

        robot.interact(() -> pending.getFirst().complete(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(spinner.isVisible());
        assertSame(refresh, refresh.getScene().getFocusOwner(), "and after: the next Space refreshes the same card");
    }

    @Test
    void refreshAllShowsEveryCardsProgress(FxRobot robot) {
        robot.clickOn("Refresh all");
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> spinners = new ArrayList<>(robot.lookup(".card-spinner").queryAll());
        assertEquals(2, spinners.size());
        assertTrue(spinners.stream().allMatch(Node::isVisible), "each card spins while its request is in flight");
        robot.interact(() -> pending.getFirst().complete(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, spinners.stream().filter(Node::isVisible).count(), "one answered, one still waiting");
        robot.interact(() -> pending.getLast().complete(null));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(spinners.stream().noneMatch(Node::isVisible));
    }
}
