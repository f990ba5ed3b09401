package dev.tally.ui;

import atlantafx.base.theme.PrimerLight;
import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.testing.Slow;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The real main window in Simplified Chinese at its default size, full cards of twelve mixed accounts: every label,
 * button and link shows its whole text (nothing cut to "…") inside its card, in a Simplified Chinese font. Chinese
 * is denser than English but its punctuation is full-width, so a short English badge can become a longer one.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class ChineseLayoutFxTest {
    private Language before;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        before = Messages.use(Language.SIMPLIFIED_CHINESE);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        MainViewModel vm = new MainViewModel(new IdleActions(), Platform::runLater, ZoneOffset.UTC);
        Instant now = Instant.now();
        vm.setCompactChoice(Boolean.FALSE);
        vm.apply(MixedAccounts.twelve(now), Map.of("ds-work", List.of(WindowPreview.week(now))), now);
        new MainWindow(stage, vm);
        stage.show();
    }

    @AfterEach
    void back() {
        Messages.use(before);
    }

    /** Every visible labeled node below {@code n}. */
    private static void labeled(Node n, List<Labeled> out) {
        if (!n.isVisible()) {
            return;
        }
        if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            out.add(l);
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                labeled(c, out);
            }
        }
    }

    @Test
    void noChineseLabelIsCutShortInTheCards(FxRobot robot) {
        Assumptions.assumeTrue(CjkFont.choose(Language.SIMPLIFIED_CHINESE, Font.getFamilies()).isPresent(),
                "no Simplified Chinese font is installed (fonts-noto-cjk); .ci/run installs it");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> problems = new ArrayList<>();
        List<Labeled> all = new ArrayList<>();
        robot.interact(() -> {
            assertEquals(MainWindow.WIDTH, stage.getScene().getWidth(), 0.5, "the default width");
            labeled(stage.getScene().getRoot(), all);
            for (Labeled l : all) {
                // the text node a label draws: its text is the label's, or the label's cut to end in "…"
                Node shown = l.lookup(".text");
                String drawn = shown instanceof Text t ? t.getText() : l.getText();
                if (!drawn.replace("\n", "").equals(l.getText().replace("\n", ""))) {
                    problems.add("'" + l.getText() + "' is drawn as '" + drawn + "'");
                }
                if (shown != null && shown.getLayoutBounds().getHeight() > l.getHeight() + 1) {
                    problems.add("'" + l.getText() + "' is taller than its label: lines are cut off");
                }
                Node card = l;
                while (card != null && !card.getStyleClass().contains("balance-card")) {
                    card = card.getParent();
                }
                if (card != null) {
                    Bounds b = l.localToScene(l.getBoundsInLocal());
                    Bounds c = card.localToScene(card.getBoundsInLocal());
                    if (b.getMaxX() > c.getMaxX() + 0.5) {
                        problems.add("'" + l.getText() + "' runs past its card's right edge");
                    }
                }
                if (l.getFont() != null && !l.getFont().getFamily().contains("CJK") && l.getText().matches(".*\\p{IsHan}.*")) {
                    problems.add("'" + l.getText() + "' is in " + l.getFont().getFamily() + ", not a Chinese font");
                }
            }
        });
        assertTrue(all.stream().anyMatch(l -> l.getText().contains("密钥被拒绝")), "the cards are in Chinese");
        assertTrue(all.size() > 40, "every card's labels were looked at: " + all.size());
        assertEquals(List.of(), problems);
    }
}
