package dev.tally.ui.settings;

import dev.tally.account.Account;
import dev.tally.core.Language;
import dev.tally.core.Messages;
import dev.tally.core.ProviderId;
import dev.tally.testing.MemorySecretStore;
import dev.tally.testing.Slow;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
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
import java.util.regex.Pattern;

import static dev.tally.testing.FxTesting.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The settings window built in Simplified Chinese at its default size, headless: every label, button and switch
 * reads in full (none cut with an ellipsis), and the words are Chinese.
 */
@ExtendWith(ApplicationExtension.class)
@Slow
class ChineseSettingsLayoutTest {
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    private Language before;
    private DialogHarness h;
    private SettingsViewModel vm;
    private SettingsDialog dialog;

    @Start
    void start(Stage primary) throws IOException {
        before = Messages.use(Language.SIMPLIFIED_CHINESE);
        h = new DialogHarness("tally-settings-zh");
        h.fx.accounts.save(List.of(
                new Account("or", ProviderId.of("openrouter"), "OpenRouter", null, null, null, null, 5),
                new Account("ds", ProviderId.of("deepseek"), "DeepSeek（工作）", null, null, null, null, 5)));
        dialog = h.open(new MemorySecretStore());
        vm = h.vm;
        dialog.show("or");
    }

    @AfterEach
    void stop() throws Exception {
        h.close();
        Messages.use(before);
    }

    @Test
    void noChineseLabelIsCutInTheFormOrTheGeneralTab(FxRobot robot) {
        waitUntil(() -> !vm.loadingProperty().get() && "or".equals(vm.form().editingIdProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cut = new ArrayList<>();
        int chinese = 0;
        for (String tab : List.of("账户", "通用")) {
            robot.clickOn(tab);
            WaitForAsyncUtils.waitForFxEvents();
            for (Node n : dialog.stage().getScene().getRoot().lookupAll("*")) {
                if (!(n instanceof Labeled l) || !visible(n) || l.getText() == null || l.getText().isBlank()
                        || l.getStyleClass().contains("settings-account-title") || l.getStyleClass().contains("list-cell")
                        || l.getStyleClass().contains("settings-hint") && isInList(n)) {
                    continue;
                }
                if (HAN.matcher(l.getText()).find()) {
                    chinese++;
                }
                if (l.isTextTruncated()) {
                    cut.add(tab + ": " + l.getText());
                }
            }
        }
        assertEquals(List.of(), cut, "labels cut short in Chinese");
        assertTrue(chinese >= 20, "the window speaks Chinese: " + chinese + " Chinese labels");
        assertEquals("Tally — 设置", dialog.stage().getTitle());
    }

    private static boolean isInList(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("settings-account-list")) {
                return true;
            }
        }
        return false;
    }

    private static boolean visible(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null;
    }
}
