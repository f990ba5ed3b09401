package dev.tally.ui;

import atlantafx.base.theme.PrimerLight;
import dev.tally.testing.Slow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
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
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real main window at its default 380×560 with twelve mixed accounts. */
@ExtendWith(ApplicationExtension.class)
@Slow
class CompactWindowFxTest {
    private final List<Boolean> remembered = new ArrayList<>();
    private MainViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        vm = new MainViewModel(new IdleActions() {
            @Override
            public CompletionStage<?> refresh(String id) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletionStage<List<dev.tally.history.DailyRollup>> history(String accountId, String currency,
                    java.time.LocalDate from, java.time.LocalDate to) {
                return CompletableFuture.completedFuture(List.of(ChartViewModelTest.day("2026-11-21", "114.10", "4.10"),
                        ChartViewModelTest.day("2026-11-22", "110.00", "4.10")));
            }

            @Override
            public void rememberCompact(Boolean choice) {
                remembered.add(choice);
            }
        }, Platform::runLater, ZoneOffset.UTC);
        vm.apply(MixedAccounts.twelve(NOW), Map.of("ds-work", List.of(WindowPreview.week(NOW))), NOW);
        new MainWindow(stage, vm);
        stage.show();
    }

    private static double overflow(FxRobot robot) {
        ScrollPane scroll = robot.lookup(".scroll-pane").queryAs(ScrollPane.class);
        return scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
    }

    @Test
    void twelveAccountsFitWithoutScrollingAtTheDefaultSize(FxRobot robot) {
        assertEquals(MainWindow.WIDTH, stage.getScene().getWidth(), 0.5);
        assertEquals(MainWindow.HEIGHT, stage.getScene().getHeight(), 0.5);
        assertEquals(12, robot.lookup(".compact-row").queryAll().size(), "one line per account, by itself");
        assertTrue(overflow(robot) <= 0, "no vertical scroll needed; the rows overflow by " + overflow(robot) + " px");
        Label title = robot.lookup(".compact-title").match((Label l) -> l.getText().startsWith("DeepSeek (research"))
                .queryAs(Label.class);
        assertTrue(title.isTextTruncated(), "the long label ends in …");
        assertTrue(title.getTooltip().getText().startsWith(title.getText()), "the full label on hover");
        ToggleButton toggle = robot.lookup(".tally-compact").queryAs(ToggleButton.class);
        assertTrue(toggle.isSelected(), "the toggle shows the mode");
    }

    @Test
    void theToggleShowsFullCardsAgainAndIsRemembered(FxRobot robot) {
        robot.clickOn(".tally-compact");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(false), remembered);
        assertEquals(0, robot.lookup(".compact-row").queryAll().size());
        assertEquals(12, robot.lookup(".balance-card").queryAll().size());
        assertFalse(robot.lookup(".tally-compact").queryAs(ToggleButton.class).isSelected());
        assertTrue(overflow(robot) > 0, "full cards need the scroll bar");
    }

    @Test
    void aCardsChartOpensInTheWindowAndBackReturnsToTheCards(FxRobot robot) {
        robot.clickOn(".tally-compact");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Button chart = robot.lookup(".card-chart").match(javafx.scene.Node::isVisible)
                .queryAs(javafx.scene.control.Button.class);
        assertEquals(1, robot.lookup(".card-chart").match(javafx.scene.Node::isVisible).queryAll().size(),
                "only the card with a sparkline offers a chart");
        robot.interact(chart::fire);
        WaitForAsyncUtils.waitForFxEvents();
        Label title = robot.lookup(".chart-title").queryAs(Label.class);
        assertEquals("DeepSeek (work) — last 30 days", title.getText());
        assertTrue(robot.lookup(".chart-spend .chart-bar").queryAll().size() >= 2, "a bar per day");
        assertEquals(0, robot.lookup(".balance-card").queryAll().size(), "the chart is shown in place of the cards");
        robot.clickOn(".chart-back");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(12, robot.lookup(".balance-card").queryAll().size(), "back to the accounts");
    }
}
